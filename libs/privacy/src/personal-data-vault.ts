import type { NodeDatabase, StoredCaseKey } from '@enlace/store';
import type { Kysely } from 'kysely';
import { openCaseData, sealCaseData } from './case-data-cipher';
import type { CaseKeyStore } from './case-key.store';
import type { UnstoredCaseKey } from './case-key-wrapping';

/**
 * Personal data at rest, encrypted with a key of their case (crypto-shredding): what a node writes about a person
 * goes through `seal`, what it shows goes through `open`, and `erase` destroys the case's key so that every
 * ciphertext of the case — in the documents, in the outbox, in the inbox, and in whatever free pages of the
 * database files still hold old copies — can never be read again.
 */
export class PersonalDataVault {
  constructor(private readonly keys: CaseKeyStore) {}

  /** `value` sealed with the case's key (made now if the case has none); undefined once the key was destroyed. */
  async seal(caseId: string, purpose: string, value: unknown): Promise<string | undefined> {
    const key = await this.keys.getOrCreate(caseId);
    return key ? sealCaseData(key, { caseId, purpose }, value) : undefined;
  }

  /**
   * Many values of one case sealed with its key, read (or made) once for all of them; all undefined once the key was
   * destroyed.
   */
  async sealOfCase(
    caseId: string,
    items: readonly { purpose: string; value: unknown }[],
  ): Promise<(string | undefined)[]> {
    if (items.length === 0) return [];
    const key = await this.keys.getOrCreate(caseId);
    return Promise.all(
      items.map(({ purpose, value }) => (key ? sealCaseData(key, { caseId, purpose }, value) : undefined)),
    );
  }

  /**
   * Many values sealed at once, each with its case's key (the keys read or made together); undefined for a value
   * whose case's key was destroyed.
   */
  async sealMany(
    items: readonly { caseId: string; purpose: string; value: unknown }[],
  ): Promise<(string | undefined)[]> {
    const keys = await this.keys.getOrCreateMany(items.map((item) => item.caseId));
    return Promise.all(
      items.map(({ caseId, purpose, value }) => {
        const key = keys.get(caseId);
        return key ? sealCaseData(key, { caseId, purpose }, value) : undefined;
      }),
    );
  }

  /** The value sealed for the case and purpose; undefined when the case's key is gone (the data were erased). */
  async open<T>(caseId: string, purpose: string, sealed: string): Promise<T | undefined> {
    const key = await this.keys.find(caseId);
    return key ? openCaseData<T>(key, { caseId, purpose }, sealed) : undefined;
  }

  /**
   * Many sealed values opened at once, each with its case's key (the keys read together, in one query); undefined
   * for a value whose case's key is gone.
   */
  async openMany<T>(items: readonly { caseId: string; purpose: string; sealed: string }[]): Promise<(T | undefined)[]> {
    const keys = await this.keys.findMany(items.map((item) => item.caseId));
    return Promise.all(
      items.map(({ caseId, purpose, sealed }) => {
        const key = keys.get(caseId);
        return key ? openCaseData<T>(key, { caseId, purpose }, sealed) : undefined;
      }),
    );
  }

  /**
   * Many sealed values opened with the keys of their cases as stored, read with them by the caller (the relay's
   * claim): no statement of its own. Undefined for a value whose case's key is destroyed or absent from `keys`.
   */
  async openManyWith<T>(
    keys: ReadonlyMap<string, StoredCaseKey>,
    items: readonly { caseId: string; purpose: string; sealed: string }[],
  ): Promise<(T | undefined)[]> {
    const unwrapped = await this.keys.unwrapMany(keys.values());
    return Promise.all(
      items.map(({ caseId, purpose, sealed }) => {
        const key = unwrapped.get(caseId);
        return key ? openCaseData<T>(key, { caseId, purpose }, sealed) : undefined;
      }),
    );
  }

  /**
   * Keys as stored, read by the caller with its own rows (the applier's round), unwrapped as `keysOf` gives them: a
   * destroyed key is null, a case without a key is absent.
   */
  async keysFrom(stored: Iterable<StoredCaseKey>): Promise<Map<string, Uint8Array | null>> {
    const unwrapped = await this.keys.unwrapMany(stored);
    return new Map([...unwrapped].map(([caseId, key]) => [caseId, key ?? null]));
  }

  /**
   * The keys of many cases read at once, for a batch that then seals and opens with them (`sealWith`, `openWith`):
   * a destroyed key is null, a case without a key is absent. In the caller's transaction when given one.
   */
  keysOf(caseIds: readonly string[], db?: Kysely<NodeDatabase>): Promise<Map<string, Uint8Array | null>> {
    return this.keys.lookupMany(caseIds, db);
  }

  /**
   * The case's key: made now without a read first when `fresh` (a case this node has just opened has none), else
   * read, and made only when the case has none. Undefined when it was destroyed. In the caller's transaction when
   * given one.
   */
  keyOf(caseId: string, options: { fresh?: boolean; db?: Kysely<NodeDatabase> } = {}): Promise<Uint8Array | undefined> {
    return options.fresh ? this.keys.create(caseId, options.db) : this.keys.getOrCreate(caseId, options.db);
  }

  /**
   * A key for a case this node is opening now, not stored yet: the caller stores its row with the case, in the same
   * statement (a statement fewer than `keyOf` with `fresh`).
   */
  newKey(caseId: string): Promise<UnstoredCaseKey> {
    return this.keys.make(caseId);
  }

  /** Values of one case sealed with its key as `keyOf` or `keysOf` gave it; all undefined when that key is gone. */
  sealWith(
    key: Uint8Array | null | undefined,
    caseId: string,
    items: readonly { purpose: string; value: unknown }[],
  ): Promise<(string | undefined)[]> {
    return Promise.all(
      items.map(({ purpose, value }) => (key ? sealCaseData(key, { caseId, purpose }, value) : undefined)),
    );
  }

  /** The value sealed for the case and purpose, opened with its key as `keysOf` gave it; undefined when it is gone. */
  async openWith<T>(
    key: Uint8Array | null | undefined,
    caseId: string,
    purpose: string,
    sealed: string,
  ): Promise<T | undefined> {
    return key ? openCaseData<T>(key, { caseId, purpose }, sealed) : undefined;
  }

  /** Destroys the case's key: every ciphertext of the case is unreadable from now on. */
  async erase(caseId: string, at: Date = new Date()): Promise<void> {
    await this.keys.destroy(caseId, at);
  }

  isErased(caseId: string): Promise<boolean> {
    return this.keys.isDestroyed(caseId);
  }
}

/** The uses a case's ciphertexts are bound to, named once for node-api and the courier. */
export const SealedUse = {
  /** The person, the consent record and the free text of the request: the case's personal content. */
  personal: 'personal',
  outbox: (envelopeId: string) => `outbox:${envelopeId}`,
  inbox: (envelopeId: string) => `inbox:${envelopeId}`,
  /** One chunk of a document's bytes, bound to the document and the chunk's place in it. */
  documentChunk: (documentId: string, index: number) => `document:${documentId}:${index}`,
} as const;
