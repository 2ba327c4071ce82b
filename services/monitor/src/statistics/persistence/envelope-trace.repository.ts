import { Kysely, sql } from 'kysely';
import { MonitorDatabase } from '../../database/monitor-database.schema';
import { EnvelopeTrace } from '../domain/envelope-trace';

interface TraceRow {
  envelope_id: string;
  counted: boolean;
  type: string | null;
  from_country: string | null;
  to_country: string | null;
  sent_at: Date | null;
  receipt_sent_at: Date | null;
}

const sorted = (ids: Iterable<string>): string[] => [...new Set(ids)].sort();

/**
 * One row per envelope id (`envelope_traces`): the gate that makes counting idempotent and the meeting point of an
 * envelope and its receipt. A batch locks the traces it needs, decides in memory and writes back what changed, all
 * in the caller's transaction, so that two batches that meet on one envelope take their turns.
 */
export class EnvelopeTraceRepository {
  /**
   * The traces of these envelope ids, locked until the transaction ends; an id never seen gets a trace made now
   * (it is gone again if the transaction rolls back). Two statements for the whole batch, the rows taken in id order
   * by every writer.
   */
  async lock(trx: Kysely<MonitorDatabase>, envelopeIds: Iterable<string>): Promise<Map<string, EnvelopeTrace>> {
    const ids = sorted(envelopeIds);
    if (ids.length === 0) return new Map();
    // An insert waits for a writer that is making the same row, so a new id is made once and then locked below.
    await sql`
      insert into envelope_traces (envelope_id)
      select * from unnest(${ids}::text[])
      on conflict (envelope_id) do nothing`.execute(trx);
    const { rows } = await sql<TraceRow>`
      select envelope_id, counted, type, from_country, to_country, sent_at, receipt_sent_at
      from envelope_traces where envelope_id = any(${ids}::text[])
      order by envelope_id
      for update`.execute(trx);
    return new Map(rows.map((row) => [row.envelope_id, toTrace(row)]));
  }

  /** Writes back the traces a batch changed, in one statement. */
  async save(trx: Kysely<MonitorDatabase>, traces: readonly EnvelopeTrace[]): Promise<void> {
    if (traces.length === 0) return;
    const rows = traces.map((trace) => ({
      envelope_id: trace.id,
      counted: trace.counted,
      type: trace.envelope?.type ?? null,
      from_country: trace.envelope?.from ?? null,
      to_country: trace.envelope?.to ?? null,
      sent_at: trace.envelope?.sentAt.toISOString() ?? null,
      receipt_sent_at: trace.receiptSentAt?.toISOString() ?? null,
    }));
    await sql`
      update envelope_traces t set
        counted = u.counted, type = u.type, from_country = u.from_country, to_country = u.to_country,
        sent_at = u.sent_at, receipt_sent_at = u.receipt_sent_at
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as u(
        envelope_id text, counted boolean, type text, from_country text, to_country text,
        sent_at timestamptz, receipt_sent_at timestamptz)
      where t.envelope_id = u.envelope_id`.execute(trx);
  }
}

function toTrace(row: TraceRow): EnvelopeTrace {
  const envelope =
    row.counted && row.type && row.from_country && row.to_country && row.sent_at
      ? { id: row.envelope_id, type: row.type, from: row.from_country, to: row.to_country, sentAt: row.sent_at }
      : undefined;
  return {
    id: row.envelope_id,
    counted: row.counted,
    ...(envelope && { envelope }),
    ...(row.receipt_sent_at && { receiptSentAt: row.receipt_sent_at }),
  };
}
