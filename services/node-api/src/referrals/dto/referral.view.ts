import type { Role } from '@enlace/auth';
import type { NodeApiSchemas } from '@enlace/contracts';
import { allowedReferralCommands, isTerminal } from '@enlace/protocols';
import { isAnswerOverdue } from '../domain/referral-deadline';
import type { ReferralCase } from '../application/referrals.service';
import { undeliveredMessagesOf } from '../../cases/dto/undelivered-messages.view';
import { referralActionsFor } from './referral-actions';

export type ReferralView = NodeApiSchemas['ReferralView'];
export type ReferralSummary = NodeApiSchemas['ReferralSummary'];
export type ReferralList = NodeApiSchemas['ReferralList'];

export interface ReferralViewOptions {
  /** The instant the view is for, which decides whether the answer is overdue; the clock's now by default. */
  readonly now?: Date;
  /** The caller's roles: only the actions they may take are offered. Without them, every action of this end. */
  readonly roles?: readonly Role[];
}

export function toReferralSummary(referral: ReferralCase, now: Date = new Date()): ReferralSummary {
  return {
    id: referral._id,
    direction: referral.direction,
    fromCountry: referral.state.fromCountry,
    toCountry: referral.state.toCountry,
    status: referral.state.status,
    reason: referral.details?.reason as ReferralView['reason'],
    servicesRequested: referral.details?.servicesRequested as ReferralView['servicesRequested'],
    urgency: referral.details?.urgency as ReferralView['urgency'],
    createdAt: referral.createdAt.toISOString(),
    updatedAt: referral.updatedAt.toISOString(),
    ...(referral.state.answerDueAt ? { answerDueAt: referral.state.answerDueAt } : {}),
    overdue: isAnswerOverdue(referral.state, now),
    ended: isTerminal(referral.state.status),
  };
}

/** The whole referral for a user of this node: both ends see the person's fields (the receiver needs them). */
export function toReferralView(referral: ReferralCase, options: ReferralViewOptions = {}): ReferralView {
  const { declineReason, informationRequest, withdrawalReason, outcome } = referral.state;
  return {
    ...toReferralSummary(referral, options.now),
    ...(referral.details?.reasonDetails ? { reasonDetails: referral.details.reasonDetails } : {}),
    ...(referral.person ? { person: referral.person as ReferralView['person'] } : {}),
    ...(referral.consent ? { consent: referral.consent } : {}),
    ...(declineReason ? { declineReason } : {}),
    ...(informationRequest ? { informationRequest } : {}),
    ...(withdrawalReason ? { withdrawalReason } : {}),
    ...(outcome ? { outcome } : {}),
    ...(referral.erasure ? { erasure: referral.erasure } : {}),
    ...(referral.links ? { links: referral.links } : {}),
    ...undeliveredMessagesOf(referral.outbox),
    allowedActions: referralActionsFor(allowedReferralCommands(referral.state, referral.state.side), options.roles),
    timeline: referral.timeline.map((entry) => ({ ...entry, status: entry.status as ReferralView['status'] })),
  };
}
