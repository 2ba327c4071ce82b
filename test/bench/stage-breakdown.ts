import { Kysely, sql } from 'kysely';
import type { NodeDatabase } from '@enlace/store';
import { percentile } from './bench-stats';

type Stage = 'apiToSent' | 'sentToStored' | 'storedToApplied' | 'storedToReceiptBack';

/**
 * Where the time of a referral's journey went, from the times the two nodes wrote down (one machine, one clock):
 * the sender's outbox row (created by the API call, sent by the courier, delivered when the receipt came back) and
 * the receiver's inbox row (stored by its courier, applied by its node API). Read for a sample of ids, in one query
 * at each end.
 */
export async function stageBreakdown(
  sender: Kysely<NodeDatabase>,
  receiver: Kysely<NodeDatabase>,
  referralIds: readonly string[],
  sample = 50,
): Promise<Record<Stage, { samples: number; p50Ms: number; p95Ms: number }> & { sampled: number }> {
  const step = Math.max(1, Math.floor(referralIds.length / sample));
  const sampledIds = referralIds.filter((_, i) => i % step === 0);
  const samples: Record<Stage, number[]> = {
    apiToSent: [],
    sentToStored: [],
    storedToApplied: [],
    storedToReceiptBack: [],
  };
  const requests =
    sampledIds.length === 0
      ? []
      : await sender
          .selectFrom('outbox')
          .select(['envelope_id', 'created_at', 'sent_at', 'delivered_at'])
          .where(sql<boolean>`case_id = any(${sampledIds}::text[])`)
          .where('type', '=', 'referral.requested.v1')
          .where('sent_at', 'is not', null)
          .execute();
  const arrivals = new Map(
    requests.length === 0
      ? []
      : (
          await receiver
            .selectFrom('inbox')
            .select(['envelope_id', 'received_at', 'applied_at'])
            .where(sql<boolean>`envelope_id = any(${requests.map((request) => request.envelope_id)}::text[])`)
            .where('applied_at', 'is not', null)
            .execute()
        ).map((arrived) => [arrived.envelope_id, arrived]),
  );
  let sampled = 0;
  for (const request of requests) {
    const arrived = arrivals.get(request.envelope_id);
    if (!request.sent_at || !arrived?.applied_at) continue;
    sampled++;
    samples.apiToSent.push(request.sent_at.getTime() - request.created_at.getTime());
    samples.sentToStored.push(arrived.received_at.getTime() - request.sent_at.getTime());
    samples.storedToApplied.push(arrived.applied_at.getTime() - arrived.received_at.getTime());
    // The receipt leaves when the entry is stored; delivered_at is when the sender applied the receipt (a receipt
    // not applied yet is left out of this stage's sample).
    if (request.delivered_at)
      samples.storedToReceiptBack.push(request.delivered_at.getTime() - arrived.received_at.getTime());
  }
  const summary = (values: number[]) => ({
    samples: values.length,
    p50Ms: percentile(values, 50),
    p95Ms: percentile(values, 95),
  });
  return {
    sampled,
    apiToSent: summary(samples.apiToSent),
    sentToStored: summary(samples.sentToStored),
    storedToApplied: summary(samples.storedToApplied),
    storedToReceiptBack: summary(samples.storedToReceiptBack),
  };
}
