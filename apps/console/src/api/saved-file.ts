/** A file an API answered, with the name it is saved under. */
export interface NamedFile {
  readonly file: Blob;
  readonly fileName: string;
}

/** What saveFile needs of the page: a link to click (the browser's `document` by default). */
export type LinkMaker = Pick<Document, 'createElement'>;

/**
 * Hands a file the console fetched to the browser to save under `fileName`. The APIs want the bearer token, which
 * rules out a plain link to them: the file is fetched first, then saved through a link to it in memory, let go once
 * clicked.
 */
export function saveFile({ file, fileName }: NamedFile, page: LinkMaker = document): void {
  const url = URL.createObjectURL(file);
  try {
    const link = page.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
  } finally {
    URL.revokeObjectURL(url);
  }
}
