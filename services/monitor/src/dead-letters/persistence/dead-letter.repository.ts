import { Kysely, Selectable } from 'kysely';
import { DeadLettersTable, MonitorDatabase } from '../../database/monitor-database.schema';

/** What the monitor keeps of a dead letter: where it is and why, never its bytes. */
export interface DeadLetterRecord {
  _id: string;
  country: string;
  topic: string;
  partition: number;
  offset: string;
  reason: string;
  detail: string;
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  deadLetteredAt: Date;
  /** The routing facts of the envelope, when its header could be read (unverified). */
  envelope: { id: string; type: string; from: string; to: string; sentAt: Date } | null;
  /** Whether the record is an envelope whose signature holds under its sender's key in the directory. */
  envelopeVerified: boolean;
  redriveCount: number;
  lastRedrivenAt: Date | null;
  lastRedrivenBy: string | null;
}

export interface DeadLetterQuery {
  readonly country?: string;
  readonly status?: 'pending' | 'redriven';
  readonly limit: number;
}

/** The network's dead letters (`dead_letters`), by where they sit, and who redrove them. */
export class DeadLetterRepository {
  constructor(private readonly db: Kysely<MonitorDatabase>) {}

  /** Keeps a dead letter once (it is read again after a restart); true when it is new. */
  async record(deadLetter: DeadLetterRecord): Promise<boolean> {
    return (await this.recordAll([deadLetter])).length === 1;
  }

  /** Keeps each dead letter once, in one statement; returns those that are new. */
  async recordAll(deadLetters: readonly DeadLetterRecord[]): Promise<DeadLetterRecord[]> {
    const byId = new Map(deadLetters.map((deadLetter) => [deadLetter._id, deadLetter]));
    if (byId.size === 0) return [];
    const inserted = await this.db
      .insertInto('dead_letters')
      .values(
        [...byId.values()].map((d) => ({
          id: d._id,
          country: d.country,
          topic: d.topic,
          topic_partition: d.partition,
          topic_offset: d.offset,
          reason: d.reason,
          detail: d.detail,
          original_topic: d.originalTopic,
          original_partition: d.originalPartition,
          original_offset: d.originalOffset,
          dead_lettered_at: d.deadLetteredAt,
          envelope: d.envelope && JSON.stringify({ ...d.envelope, sentAt: d.envelope.sentAt.toISOString() }),
          envelope_verified: d.envelopeVerified,
          redrive_count: d.redriveCount,
          last_redriven_at: d.lastRedrivenAt,
          last_redriven_by: d.lastRedrivenBy,
        })),
      )
      .onConflict((conflict) => conflict.column('id').doNothing())
      .returning('id')
      .execute();
    return inserted.flatMap((row) => byId.get(row.id) ?? []);
  }

  async get(id: string): Promise<DeadLetterRecord | null> {
    const row = await this.db.selectFrom('dead_letters').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDeadLetterRecord(row) : null;
  }

  /** The dead letters of these ids that exist, in one query. */
  async getMany(ids: readonly string[]): Promise<Map<string, DeadLetterRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('dead_letters')
      .selectAll()
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return new Map(rows.map((row) => [row.id, toDeadLetterRecord(row)]));
  }

  async list(query: DeadLetterQuery): Promise<DeadLetterRecord[]> {
    let select = this.db.selectFrom('dead_letters').selectAll();
    if (query.country) select = select.where('country', '=', query.country);
    if (query.status === 'pending') select = select.where('redrive_count', '=', 0);
    if (query.status === 'redriven') select = select.where('redrive_count', '>', 0);
    const rows = await select.orderBy('dead_lettered_at', 'desc').limit(query.limit).execute();
    return rows.map(toDeadLetterRecord);
  }

  async markRedriven(id: string, by: string, at: Date): Promise<DeadLetterRecord | null> {
    const row = await this.db
      .updateTable('dead_letters')
      .set((eb) => ({ redrive_count: eb('redrive_count', '+', 1), last_redriven_at: at, last_redriven_by: by }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? toDeadLetterRecord(row) : null;
  }
}

function toDeadLetterRecord(row: Selectable<DeadLettersTable>): DeadLetterRecord {
  const envelope = row.envelope;
  return {
    _id: row.id,
    country: row.country,
    topic: row.topic,
    partition: row.topic_partition,
    offset: row.topic_offset,
    reason: row.reason,
    detail: row.detail,
    originalTopic: row.original_topic,
    originalPartition: row.original_partition,
    originalOffset: row.original_offset,
    deadLetteredAt: row.dead_lettered_at,
    envelope: envelope
      ? {
          id: String(envelope['id']),
          type: String(envelope['type']),
          from: String(envelope['from']),
          to: String(envelope['to']),
          sentAt: new Date(String(envelope['sentAt'])),
        }
      : null,
    envelopeVerified: row.envelope_verified,
    redriveCount: row.redrive_count,
    lastRedrivenAt: row.last_redriven_at,
    lastRedrivenBy: row.last_redriven_by,
  };
}
