import { createHash, randomBytes } from 'node:crypto';
import { CaseSearchTerms, nameTokens } from './case-search-terms';

const id = '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10';
const person = { firstName: 'Ana María', secondName: 'Pérez-Núñez', gender: 'Feminine' };

describe('CaseSearchTerms', () => {
  const terms = new CaseSearchTerms(randomBytes(32));

  describe('ofCase', () => {
    it('should hold no word of the name nor the id, only keyed hashes', () => {
      const found = terms.ofCase(id, person);
      const words = ['ana', 'maria', 'perez', 'nunez', '0d7c6a2e'];
      // What anyone holding only the database could compute from a guess: the word itself, its encoding, its plain hash.
      const guessable = words.flatMap((word) => [
        word,
        Buffer.from(word).toString('base64url'),
        ...['name', 'id'].map((kind) =>
          createHash('sha256').update(`${kind}\u0000${word}`).digest('base64url').slice(0, 22),
        ),
      ]);

      expect(found).toHaveLength(1 + 4);
      for (const term of found) expect(term).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(found.filter((term) => guessable.includes(term))).toEqual([]);
    });

    it('should give other terms under another node key', () => {
      const other = new CaseSearchTerms(randomBytes(32));

      expect(other.ofCase(id, person).filter((term) => terms.ofCase(id, person).includes(term))).toEqual([]);
    });
  });

  describe('ofSearch', () => {
    it('should find a case by any of its names, whatever the accents and letter case', () => {
      const stored = terms.ofCase(id, person);
      const search = terms.ofSearch('  MARIA perez ');

      expect(search?.kind).toBe('name');
      expect(search && 'terms' in search ? search.terms.every((term) => stored.includes(term)) : false).toBe(true);
    });

    it('should take a whole id as the id, and its first 8 characters or more as a prefix', () => {
      expect(terms.ofSearch(id.toUpperCase())).toEqual({ kind: 'id', id });
      const prefix = terms.ofSearch('0d7c6a2e-8e5b');

      expect(prefix).toEqual({ kind: 'id-prefix', prefix: '0d7c6a2e-8e5b', terms: [terms.ofCase(id, undefined)[0]] });
    });

    it('should look for nothing when no word has two letters', () => {
      expect(terms.ofSearch('a - b')).toBe(undefined);
    });
  });
});

describe('nameTokens', () => {
  it('should split on anything but letters and digits, without accents, in lower case', () => {
    expect(nameTokens("Ñandú O'Brien-Álvarez  y")).toEqual(['nandu', 'brien', 'alvarez']);
  });
});
