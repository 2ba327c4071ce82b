import type { NodeApiSchemas } from '@enlace/contracts';
import { allowedReferralCommands } from '@enlace/protocols';
import type { ReferralCaseDocument } from '../persistence/referral-case.document';

export type ReferralView = NodeApiSchemas['ReferralView'];
export type ReferralSummary = NodeApiSchemas['ReferralSummary'];

/** The action endpoints by the protocol command they carry out. */
const ACTIONS: Record<string, string> = { AcceptReferral: 'accept', DeclineReferral: 'decline' };

export function toReferralSummary(referral: ReferralCaseDocument): ReferralSummary {
  return {
    id: referral._id,
    direction: referral.direction,
    fromCountry: referral.state.fromCountry,
    toCountry: referral.state.toCountry,
    status: referral.state.status,
    reason: referral.details.reason as ReferralView['reason'],
    servicesRequested: referral.details.servicesRequested as ReferralView['servicesRequested'],
    urgency: referral.details.urgency as ReferralView['urgency'],
    createdAt: referral.createdAt.toISOString(),
    updatedAt: referral.updatedAt.toISOString(),
    ...(referral.state.answerDueAt ? { answerDueAt: referral.state.answerDueAt } : {}),
  };
}

/** The whole referral for a user of this node: both ends see the person's fields (the receiver needs them). */
export function toReferralView(referral: ReferralCaseDocument): ReferralView {
  const { answerDueAt, declineReason } = referral.state;
  return {
    ...toReferralSummary(referral),
    ...(referral.details.reasonDetails ? { reasonDetails: referral.details.reasonDetails } : {}),
    ...(referral.person ? { person: referral.person as ReferralView['person'] } : {}),
    ...(referral.consent ? { consent: referral.consent } : {}),
    ...(answerDueAt ? { answerDueAt } : {}),
    ...(declineReason ? { declineReason } : {}),
    allowedActions: allowedReferralCommands(referral.state, referral.state.side)
      .map((command) => ACTIONS[command])
      .filter((action): action is string => action !== undefined),
    timeline: referral.timeline.map((entry) => ({ ...entry, status: entry.status as ReferralView['status'] })),
  };
}
