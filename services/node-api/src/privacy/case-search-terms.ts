import { createHmac, hkdfSync } from 'node:crypto';
import type { ReferredPerson } from '../cases/domain/case-content';

/** What a search text asks for: a whole case id, the first characters of one, or words of a person's name. */
export type CaseSearch =
  | { readonly kind: 'id'; readonly id: string }
  | { readonly kind: 'id-prefix'; readonly prefix: string; readonly terms: readonly string[] }
  | { readonly kind: 'name'; readonly terms: readonly string[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The start of a case id as the console shows it (8 characters) or longer. */
const ID_PREFIX = /^[0-9a-f]{8}[0-9a-f-]{0,27}$/;
/** The characters of an id the index keeps a term of: the console shows these. */
const ID_PREFIX_LENGTH = 8;
/** Shorter words are not indexed: a single letter would find everyone. */
const MIN_TOKEN = 2;
const MAX_TOKENS = 8;

/**
 * The blind index of the node's search over its own cases. The person's data rest sealed under each case's key, so a
 * name column in clear, or one the database could search, would undo that; instead each word of the person's names
 * (accents and letter case taken off) and the case id's first characters are stored as an HMAC under a key derived
 * from the node's key-encryption key (which lives outside the database): the table lets a search find the cases that
 * have exactly those words, and its rows alone neither give a name back nor let anyone holding only the database
 * test a guess. They are not under the case's key, so destroying that key does not make them unreadable: erasure
 * deletes them with the person's data (CaseTable). Whole words only: prefixes would multiply the rows and make the
 * words' frequencies easier to read. The secretariat and the monitor never see this table nor this API.
 */
export class CaseSearchTerms {
  private readonly key: Buffer;

  /** `nodeKey`: the node's key-encryption key; the index's key is derived from it for this use only (HKDF). */
  constructor(nodeKey: Uint8Array) {
    this.key = Buffer.from(hkdfSync('sha256', nodeKey, Buffer.alloc(0), 'enlace case search v1', 32));
  }

  /** The terms a case is found by: its id's first characters, and each word of the person's names. */
  ofCase(id: string, person: ReferredPerson | undefined): string[] {
    const terms = [this.term('id', id.toLowerCase().slice(0, ID_PREFIX_LENGTH))];
    if (person) {
      const names = [person.firstName, person.middleName, person.secondName].filter(
        (name): name is string => typeof name === 'string',
      );
      for (const token of new Set(names.flatMap(nameTokens))) terms.push(this.term('name', token));
    }
    return terms;
  }

  /** What a search text asks for; undefined when it holds nothing to look for (no word of two letters or more). */
  ofSearch(text: string): CaseSearch | undefined {
    const trimmed = text.trim().toLowerCase();
    if (UUID.test(trimmed)) return { kind: 'id', id: trimmed };
    if (ID_PREFIX.test(trimmed)) {
      return { kind: 'id-prefix', prefix: trimmed, terms: [this.term('id', trimmed.slice(0, ID_PREFIX_LENGTH))] };
    }
    const tokens = [...new Set(nameTokens(text))].slice(0, MAX_TOKENS);
    if (tokens.length === 0) return undefined;
    return { kind: 'name', terms: tokens.map((token) => this.term('name', token)) };
  }

  private term(kind: 'id' | 'name', value: string): string {
    return createHmac('sha256', this.key).update(`${kind}\u0000${value}`).digest('base64url').slice(0, 22);
  }
}

/** The words of a name as the index keeps them: letters and digits only, no accents, lower case, two or more long. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length >= MIN_TOKEN);
}
