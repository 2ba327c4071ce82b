import { saveFile, type LinkMaker } from './saved-file';

/**
 * A page whose links remember what they pointed at and under which name; what a link held is read as it is clicked
 * (the read starts then, before the link is let go).
 */
function pageOfLinks() {
  const clicks: { href: string; download: string; content: Promise<string> }[] = [];
  const page = {
    createElement: () => {
      const link = {
        href: '',
        download: '',
        click: () =>
          clicks.push({
            href: link.href,
            download: link.download,
            content: fetch(link.href).then((answer) => answer.text()),
          }),
      };
      return link;
    },
  } as unknown as LinkMaker;
  return { page, clicks };
}

describe('saveFile', () => {
  it('should click one link to the file, named as given', async () => {
    const { page, clicks } = pageOfLinks();

    saveFile({ file: new Blob(['seq,at\n1,2026-01-01\n']), fileName: 'enlace-CO-audit.csv' }, page);

    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.download).toBe('enlace-CO-audit.csv');
    await expect(clicks[0]?.content).resolves.toBe('seq,at\n1,2026-01-01\n');
  });

  it('should let go of the file once the link is clicked', async () => {
    const { page, clicks } = pageOfLinks();

    saveFile({ file: new Blob(['x']), fileName: 'x.csv' }, page);

    expect(clicks[0]?.href).toMatch(/^blob:/);
    await clicks[0]?.content;
    await expect(fetch(clicks[0]?.href ?? '')).rejects.toThrow();
  });
});
