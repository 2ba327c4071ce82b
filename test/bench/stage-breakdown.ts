import type { Connection } from 'mongoose';
import { OUTBOX_SENT_COLLECTION, type OutboxSentMark } from '@enlace/store';
import { percentile } from './bench-stats';

interface SentReferral {
  _id: string;
  createdAt: Date;
  outbox: { envelopeId: string; type: string; createdAt: Date; sentAt?: Date | null; deliveredAt?: Date | null }[];
}

interface ArrivedEntry {
  _id: string;
  receivedAt: Date;
  appliedAt?: Date | null;
}

type Stage = 'apiToSent' | 'sentToStored' | 'storedToApplied' | 'storedToReceiptBack';

/**
 * Where the time of a referral's journey went, from the times the two nodes wrote down (one machine, one clock):
 * the sender's outbox entry (created by the API call, sent by the relay, delivered when the receipt came back) and
 * the receiver's inbox entry (stored by its courier, applied by its node API). Read by `_id` for a sample of ids.
 */
export async function stageBreakdown(
  sender: Connection,
  receiver: Connection,
  referralIds: readonly string[],
  sample = 50,
): Promise<Record<Stage, { samples: number; p50Ms: number; p95Ms: number }> & { sampled: number }> {
  const step = Math.max(1, Math.floor(referralIds.length / sample));
  const samples: Record<Stage, number[]> = {
    apiToSent: [],
    sentToStored: [],
    storedToApplied: [],
    storedToReceiptBack: [],
  };
  let sampled = 0;
  for (let i = 0; i < referralIds.length; i += step) {
    const referral = await sender
      .collection<SentReferral>('referrals')
      .findOne({ _id: referralIds[i] as string }, { projection: { outbox: 1, createdAt: 1 } });
    const request = referral?.outbox.find((entry) => entry.type === 'referral.requested.v1');
    if (!request) continue;
    // Under load the sender's API folds the relay's notes into the case late: the note itself holds the time.
    const sentAt =
      request.sentAt ??
      (await sender.collection<OutboxSentMark>(OUTBOX_SENT_COLLECTION).findOne({ _id: request.envelopeId }))?.sentAt;
    if (!sentAt) continue;
    const arrived = await receiver.collection<ArrivedEntry>('inbox').findOne({ _id: request.envelopeId });
    if (!arrived?.appliedAt) continue;
    sampled++;
    samples.apiToSent.push(sentAt.getTime() - request.createdAt.getTime());
    samples.sentToStored.push(arrived.receivedAt.getTime() - sentAt.getTime());
    samples.storedToApplied.push(arrived.appliedAt.getTime() - arrived.receivedAt.getTime());
    // The receipt leaves when the entry is stored; deliveredAt is when the sender's API applied the receipt (a
    // receipt not applied yet is left out of this stage's sample).
    if (request.deliveredAt)
      samples.storedToReceiptBack.push(request.deliveredAt.getTime() - arrived.receivedAt.getTime());
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
