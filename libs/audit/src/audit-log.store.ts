import { Connection, mongo } from 'mongoose';
import { auditHash } from './audit-hash';
import { AuditEntry, AuditRecord, GENESIS_HASH } from './audit-record';

export const AUDIT_COLLECTION = 'audit';
const DUPLICATE_KEY = 11000;
const MAX_ATTEMPTS = 50;

type StoredRecord = AuditRecord & { _id: number };

/**
 * A node's append-only audit log in its own database. Each record's `_id` is its sequence number, so two writers
 * that race for the same place cannot both have it: the loser re-reads the head and appends after it. That keeps
 * the chain whole on FerretDB, which has no transactions. Nothing here updates or deletes a record.
 */
export class AuditLogStore {
  constructor(private readonly connection: Connection) {}

  private get collection(): mongo.Collection<StoredRecord> {
    return this.connection.collection<StoredRecord>(AUDIT_COLLECTION);
  }

  async append(entry: AuditEntry): Promise<AuditRecord> {
    for (let attempt = 1; ; attempt++) {
      const head = await this.collection
        .find({}, { projection: { seq: 1, hash: 1 } })
        .sort({ _id: -1 })
        .limit(1)
        .next();
      const unsealed = { ...entry, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? GENESIS_HASH };
      const record: AuditRecord = { ...unsealed, hash: auditHash(unsealed) };
      try {
        await this.collection.insertOne({ _id: record.seq, ...record });
        return record;
      } catch (error) {
        const lostTheRace = error instanceof mongo.MongoServerError && error.code === DUPLICATE_KEY;
        if (!lostTheRace || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Every record in chain order, read in batches. */
  async *records(): AsyncIterable<AuditRecord> {
    const cursor = this.collection
      .find({}, { projection: { _id: 0 } })
      .sort({ _id: 1 })
      .batchSize(1000);
    for await (const record of cursor) yield record as AuditRecord;
  }
}
