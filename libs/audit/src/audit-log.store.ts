import { Connection, mongo } from 'mongoose';
import { auditHash } from './audit-hash';
import { AuditEntry, AuditRecord, GENESIS_HASH } from './audit-record';

export const AUDIT_COLLECTION = 'audit';
const DUPLICATE_KEY = 11000;
const MAX_ATTEMPTS = 50;
const MAX_BATCH = 500;

type StoredRecord = AuditRecord & { _id: number };
type Head = Pick<AuditRecord, 'seq' | 'hash'>;
const EMPTY: Head = { seq: 0, hash: GENESIS_HASH };

interface Pending {
  readonly entry: AuditEntry;
  readonly resolve: (record: AuditRecord) => void;
  readonly reject: (error: Error) => void;
}

/**
 * A node's append-only audit log in its own database. Each record's `_id` is its sequence number, so two writers
 * that race for the same place cannot both have it: the loser re-reads the head and appends after it. That keeps
 * the chain whole on FerretDB, which has no transactions. Within one process, appends queue up and are written
 * in batches by one writer at a time, so a busy node neither races itself nor pays a round trip per record.
 * The head is remembered between batches and found again only after a lost race, by looking records up by `_id`
 * (the only filter FerretDB v1 answers without reading the whole collection: a sort on it reads every record, 2–3 s
 * at 2,000 records under load). Nothing here updates or deletes a record.
 */
export class AuditLogStore {
  private readonly queue: Pending[] = [];
  private writing = false;
  /** The last record this process knows of; undefined until read (then kept up to date by the writer). */
  private head?: Head;

  constructor(private readonly connection: Connection) {}

  private get collection(): mongo.Collection<StoredRecord> {
    return this.connection.collection<StoredRecord>(AUDIT_COLLECTION);
  }

  /** Resolves once the entry is in the chain. */
  append(entry: AuditEntry): Promise<AuditRecord> {
    return new Promise<AuditRecord>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const records = await this.write(batch.map((pending) => pending.entry));
          batch.forEach((pending, i) => pending.resolve(records[i] as AuditRecord));
        } catch (error) {
          batch.forEach((pending) => pending.reject(error as Error));
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /** Chains the entries after the current head and inserts them in order; after a lost race, from the new head. */
  private async write(entries: readonly AuditEntry[]): Promise<AuditRecord[]> {
    const written: AuditRecord[] = [];
    for (let attempt = 1; written.length < entries.length; attempt++) {
      const start = await this.currentHead();
      let previous = start;
      const records = entries.slice(written.length).map((entry) => {
        const unsealed = { ...entry, seq: previous.seq + 1, prevHash: previous.hash };
        const record: AuditRecord = { ...unsealed, hash: auditHash(unsealed) };
        previous = record;
        return record;
      });
      try {
        await this.collection.insertMany(
          records.map((record) => ({ _id: record.seq, ...record })),
          { ordered: true },
        );
        written.push(...records);
        this.head = previous;
      } catch (error) {
        this.head = undefined; // not known until found again
        if (!(error instanceof mongo.MongoBulkWriteError) && !(error instanceof mongo.MongoServerError)) throw error;
        if (error.code !== DUPLICATE_KEY || attempt >= MAX_ATTEMPTS) throw error;
        // Another process took a place: keep what got in before it, then chain the rest after the new head, looked
        // for from the last record known to be in the chain.
        const inserted = error instanceof mongo.MongoBulkWriteError ? error.result.insertedCount : 0;
        written.push(...records.slice(0, inserted));
        this.head = await this.findHead(written[written.length - 1] ?? start);
      }
    }
    return written;
  }

  private async currentHead(): Promise<Head> {
    this.head ??= await this.findHead(EMPTY);
    return this.head;
  }

  /**
   * The last record, found from one known to be in the chain (or the empty chain) by looking records up by `_id`:
   * sequence numbers have no gaps, so the steps double until one is missing, then halve — about 2·log2(n) look-ups,
   * a few after a lost race.
   */
  private async findHead(from: Head): Promise<Head> {
    let found = from;
    let step = 1;
    let missing = found.seq + step;
    for (let record = await this.at(missing); record; record = await this.at(missing)) {
      found = record;
      step *= 2;
      missing = found.seq + step;
    }
    while (missing - found.seq > 1) {
      const middle: number = found.seq + Math.floor((missing - found.seq) / 2);
      const record = await this.at(middle);
      if (record) found = record;
      else missing = middle;
    }
    return found;
  }

  private async at(seq: number): Promise<Head | undefined> {
    const record = await this.collection.findOne({ _id: seq }, { projection: { seq: 1, hash: 1 } });
    return record ? { seq: record.seq, hash: record.hash } : undefined;
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
