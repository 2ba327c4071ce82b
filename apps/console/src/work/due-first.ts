import type { ReferralStatus, ReferralSummary } from '../api/node-api.types';

const WAITING_ON_RECEIVER: readonly ReferralStatus[] = ['sent', 'delivered', 'accepted', 'in-service'];
const WAITING_ON_SENDER: readonly ReferralStatus[] = ['info-requested'];

/** Whether the next step of a referral is this node's to take. */
export function waitsOnUs(referral: Pick<ReferralSummary, 'direction' | 'status'>): boolean {
  return referral.direction === 'incoming'
    ? WAITING_ON_RECEIVER.includes(referral.status)
    : WAITING_ON_SENDER.includes(referral.status);
}

function dueTime(referral: ReferralSummary): number {
  return referral.answerDueAt ? Date.parse(referral.answerDueAt) : Number.POSITIVE_INFINITY;
}

/**
 * What is due first comes first: work waiting on us before work waiting on the other side, overdue before the
 * rest, then the nearest answer due time, then the most recently changed.
 */
export function dueFirst(referrals: readonly ReferralSummary[]): ReferralSummary[] {
  return [...referrals].sort(
    (a, b) =>
      Number(waitsOnUs(b)) - Number(waitsOnUs(a)) ||
      Number(b.overdue) - Number(a.overdue) ||
      dueTime(a) - dueTime(b) ||
      Date.parse(b.updatedAt) - Date.parse(a.updatedAt),
  );
}
