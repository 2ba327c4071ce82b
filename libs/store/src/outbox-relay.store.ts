import { Kysely, sql } from 'kysely';
import type { OutboxEntry } from './outbox-entry';
import { outboxEntryOf } from './outbox-rows';
import type { StoredCaseKey } from './stored-case-key';
import type { NodeDatabase } from './postgres/node-database.schema';

/** What the relay did with a batch it claimed: produced some, set some aside. The rest stays unsent. */
export interface OutboxRelayOutcome {
  readonly sent: readonly string[];
  readonly undeliverable: readonly { readonly envelopeId: string; readonly reason: string }[];
}

/**
 * The courier's side of the transactional outbox. A batch is claimed in `seq` order (`FOR UPDATE SKIP LOCKED`,
 * so two relays never take the same message), produced, and marked sent in one statement before the transaction
 * commits: a crash before the commit leaves the batch unsent, and it goes out again with the same envelope ids,
 * which the receiver recognises as duplicates.
 */
export class OutboxRelayStore {
  constructor(private readonly db: Kysely<NodeDatabase>) {}

  /**
   * Claims up to `limit` unsent entries, hands them to `send` (which produces them) and marks what it says, all in
   * one transaction. The claim brings the stored keys of the cases whose entries rest sealed (absent: the case has no
   * key), so that opening them costs no statement of its own. Returns how many were claimed.
   */
  async relay(
    limit: number,
    send: (entries: OutboxEntry[], keys: ReadonlyMap<string, StoredCaseKey>) => Promise<OutboxRelayOutcome>,
  ): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('outbox')
        // Only the outbox rows are claimed (locked); a key is read as it stands.
        .leftJoin('case_keys', (join) =>
          join.onRef('case_keys.case_id', '=', 'outbox.case_id').on('outbox.sealed_payload', 'is not', null),
        )
        .select([
          'outbox.envelope_id',
          'outbox.case_id',
          'outbox.type',
          'outbox.to_country',
          'outbox.correlation_id',
          'outbox.causation_id',
          'outbox.sealed_payload',
          'outbox.payload',
          'outbox.created_at',
          'outbox.sent_at',
          'outbox.delivered_at',
          'outbox.undeliverable_reason',
          'outbox.undeliverable_at',
          'outbox.traceparent',
          'case_keys.case_id as key_case_id',
          'case_keys.wrapped_key',
          'case_keys.destroyed_at as key_destroyed_at',
        ])
        .where('outbox.sent_at', 'is', null)
        .where('outbox.undeliverable_reason', 'is', null)
        .orderBy('outbox.seq')
        .limit(limit)
        .forUpdate('outbox')
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      const keys = new Map<string, StoredCaseKey>();
      for (const row of rows) {
        if (row.key_case_id !== null) {
          keys.set(row.key_case_id, {
            case_id: row.key_case_id,
            wrapped_key: row.wrapped_key,
            destroyed_at: row.key_destroyed_at,
          });
        }
      }
      const outcome = await send(rows.map(outboxEntryOf), keys);
      const at = new Date();
      if (outcome.sent.length > 0) {
        // The payload goes with the send: the message left, and the case's view needs only its header.
        await trx
          .updateTable('outbox')
          .set({ sent_at: at, sealed_payload: null, payload: null })
          .where((where) => where('envelope_id', '=', where.fn.any(where.val([...outcome.sent]))))
          .execute();
      }
      if (outcome.undeliverable.length > 0) {
        await sql`
          update outbox set undeliverable_reason = aside.reason, undeliverable_at = ${at}
          from unnest(${outcome.undeliverable.map((item) => item.envelopeId)}::text[],
                      ${outcome.undeliverable.map((item) => item.reason)}::text[]) as aside(envelope_id, reason)
          where outbox.envelope_id = aside.envelope_id`.execute(trx);
      }
      return rows.length;
    });
  }
}
