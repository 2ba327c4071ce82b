import { randomBytes } from 'node:crypto';
import { Connection, mongo } from 'mongoose';
import { DUPLICATE_KEY, duplicatePositions } from '@enlace/store';
import { openCaseData, sealCaseData } from './case-data-cipher';
import type { KeyEncryptionKey } from './key-encryption-key';

/**
 * One case's data key as the database keeps it: wrapped (a JWE under the node's key-encryption key), or — once the
 * person's data were erased — only the fact and time of its destruction, so that no new key is made for the case.
 */
export interface CaseKeyRecord {
  _id: string;
  wrappedKey?: string;
  kekId?: string;
  createdAt: Date;
  destroyedAt?: Date;
}

export const CASE_KEYS_COLLECTION = 'case_keys';

/** Keys read by id at once: each is one look-up by `_id`, the only filter FerretDB v1 pushes down. */
const PARALLEL_READS = 8;

/** The data keys of the node's cases, one per case id, wrapped by the node's key-encryption key. */
export class CaseKeyStore {
  constructor(
    private readonly connection: Connection,
    private readonly kek: KeyEncryptionKey,
  ) {}

  private get keys(): mongo.Collection<CaseKeyRecord> {
    return this.connection.collection<CaseKeyRecord>(CASE_KEYS_COLLECTION);
  }

  /** The case's key, made now when the case has none; undefined when it was destroyed. */
  async getOrCreate(caseId: string): Promise<Uint8Array | undefined> {
    const found = await this.keys.findOne({ _id: caseId });
    if (found) return this.unwrap(found);
    const key = new Uint8Array(randomBytes(32));
    try {
      await this.keys.insertOne(await this.wrapped(caseId, key));
      return key;
    } catch (error) {
      // Another process (the courier, the API) made the case's key in between: use theirs.
      if (!(error instanceof mongo.MongoServerError && error.code === DUPLICATE_KEY)) throw error;
      const made = await this.keys.findOne({ _id: caseId });
      return made ? this.unwrap(made) : undefined;
    }
  }

  /**
   * The keys of many cases at once, made now for those that have none (one insert for all of them: on arrival of a
   * backlog most cases are new); undefined for a case whose key was destroyed.
   */
  async getOrCreateMany(caseIds: readonly string[]): Promise<Map<string, Uint8Array | undefined>> {
    const distinct = [...new Set(caseIds)];
    const fresh = distinct.map(() => new Uint8Array(randomBytes(32)));
    const records = await Promise.all(distinct.map((caseId, i) => this.wrapped(caseId, fresh[i] as Uint8Array)));
    let refused = new Set<number>();
    if (records.length > 0) {
      try {
        await this.keys.insertMany(records, { ordered: false });
      } catch (error) {
        refused = duplicatePositions(error);
      }
    }
    const keys = new Map<string, Uint8Array | undefined>();
    distinct.forEach((caseId, i) => {
      if (!refused.has(i)) keys.set(caseId, fresh[i]);
    });
    const existing = distinct.filter((_, i) => refused.has(i));
    for (let i = 0; i < existing.length; i += PARALLEL_READS) {
      const slice = existing.slice(i, i + PARALLEL_READS);
      const found = await Promise.all(slice.map((caseId) => this.find(caseId)));
      slice.forEach((caseId, j) => keys.set(caseId, found[j]));
    }
    return keys;
  }

  /** The case's key; undefined when it has none or it was destroyed. */
  async find(caseId: string): Promise<Uint8Array | undefined> {
    const found = await this.keys.findOne({ _id: caseId });
    return found ? this.unwrap(found) : undefined;
  }

  /** Destroys the case's key for good: the record keeps only when; a key is never made for the case again. */
  async destroy(caseId: string, at: Date): Promise<void> {
    await this.keys.replaceOne({ _id: caseId }, { createdAt: at, destroyedAt: at } as CaseKeyRecord, { upsert: true });
  }

  async isDestroyed(caseId: string): Promise<boolean> {
    const found = await this.keys.findOne({ _id: caseId }, { projection: { destroyedAt: 1 } });
    return found?.destroyedAt !== undefined;
  }

  private async wrapped(caseId: string, key: Uint8Array): Promise<CaseKeyRecord> {
    return {
      _id: caseId,
      wrappedKey: await sealCaseData(this.kek.key, wrapBinding(caseId), Buffer.from(key).toString('base64url')),
      kekId: this.kek.kid,
      createdAt: new Date(),
    };
  }

  private async unwrap(record: CaseKeyRecord): Promise<Uint8Array | undefined> {
    if (record.destroyedAt || !record.wrappedKey) return undefined;
    const encoded = await openCaseData<string>(this.kek.key, wrapBinding(record._id), record.wrappedKey);
    return new Uint8Array(Buffer.from(encoded, 'base64url'));
  }
}

const wrapBinding = (caseId: string) => ({ caseId, purpose: 'case-key' });
