import { Kysely, sql } from 'kysely';
import type { OutboxEntry } from './outbox-entry';
import { outboxEntryOf } from './outbox-rows';
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
   * one transaction. Returns how many were claimed.
   */
  async relay(limit: number, send: (entries: OutboxEntry[]) => Promise<OutboxRelayOutcome>): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('outbox')
        .select([
          'envelope_id',
          'case_id',
          'type',
          'to_country',
          'correlation_id',
          'causation_id',
          'sealed_payload',
          'payload',
          'created_at',
          'sent_at',
          'delivered_at',
          'undeliverable_reason',
          'undeliverable_at',
        ])
        .where('sent_at', 'is', null)
        .where('undeliverable_reason', 'is', null)
        .orderBy('seq')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      const outcome = await send(rows.map(outboxEntryOf));
      const at = new Date();
      if (outcome.sent.length > 0) {
        // The payload goes with the send: the message left, and the case's view needs only its header.
        await trx
          .updateTable('outbox')
          .set({ sent_at: at, sealed_payload: null, payload: null })
          .where('envelope_id', 'in', [...outcome.sent])
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
