import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { pt } from './pt';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string): string[] => [...text.matchAll(/{{(\w+)}}/g)].map((match) => match[1] ?? '').sort();

describe('console translations', () => {
  const reference = new Map(leaves(en as Tree));

  it.each([
    ['es', es],
    ['fr', fr],
    ['pt', pt],
  ])('should give %s every English key, none empty, with the same placeholders', (_language, translation) => {
    const entries = leaves(translation as Tree);
    expect(entries.map(([key]) => key).sort()).toEqual([...reference.keys()].sort());
    for (const [key, text] of entries) {
      expect([key, text.trim().length > 0]).toEqual([key, true]);
      expect([key, placeholders(text)]).toEqual([key, placeholders(reference.get(key) ?? '')]);
    }
  });
});
