import type { ReferralStatus, ReferralSummary } from '../api/node-api.types';

// The order of the work lists is the node's (open cases nearest due first, a page at a time): only whose turn it is
// is decided here.

const WAITING_ON_RECEIVER: readonly ReferralStatus[] = ['sent', 'delivered', 'accepted', 'in-service'];
const WAITING_ON_SENDER: readonly ReferralStatus[] = ['info-requested'];

/** Whether the next step of a referral is this node's to take. */
export function waitsOnUs(referral: Pick<ReferralSummary, 'direction' | 'status'>): boolean {
  return referral.direction === 'incoming'
    ? WAITING_ON_RECEIVER.includes(referral.status)
    : WAITING_ON_SENDER.includes(referral.status);
}
