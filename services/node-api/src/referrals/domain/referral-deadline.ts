import { ReferralState, ReferralStatus, isAtOrAfter } from '@enlace/protocols';

/**
 * The statuses in which a referral still waits on an answer by its due time: the receiver's to the referral, or
 * the exchange of information that must come before it. From these the sender may let it expire (ExpireReferral).
 */
export const AWAITING_ANSWER_STATUSES: readonly ReferralStatus[] = ['sent', 'delivered', 'info-requested'];

/** True when the answer was due by `now` and the referral still waits on it. */
export function isAnswerOverdue(state: ReferralState, now: Date): boolean {
  return (
    AWAITING_ANSWER_STATUSES.includes(state.status) &&
    state.answerDueAt !== undefined &&
    isAtOrAfter(now.toISOString(), state.answerDueAt)
  );
}
