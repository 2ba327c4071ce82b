import {
  ReferralEvent,
  ReferralState,
  eventsForCounterpart,
  evolveReferral,
  referralEventComesEarly,
} from '@enlace/protocols';
import type { CaseProtocol } from '../../cases/domain/case-protocol';
import { AWAITING_ANSWER_STATUSES } from './referral-deadline';
import { ReferralDetails, SEALED_REFERRAL_DETAILS } from './referral-details';
import { incomingEventFor, incomingNoteFor } from './referral-incoming-events';
import { outgoingMessageFor } from './referral-outgoing-messages';
import { timelineDetailFor } from './referral-timeline-detail';

const awaitsAnswer = (state: ReferralState): boolean => AWAITING_ANSWER_STATUSES.includes(state.status);

/**
 * The referral protocol as the node's case machinery drives it. The request carries the person, the consent and
 * the referral's details; every later message carries one event of the other end, and each of them moves an open
 * referral's status — so one that does not move it here came before the step it follows, and waits for it.
 */
export const REFERRAL_CASE_PROTOCOL: CaseProtocol<ReferralState, ReferralEvent, ReferralDetails> = {
  name: 'referral',
  evolve: evolveReferral,
  shared: eventsForCounterpart,
  messageFor: outgoingMessageFor,
  eventFor: incomingEventFor,
  noteOf: incomingNoteFor,
  isOutOfOrder: referralEventComesEarly,
  caseIdOf: (payload) => (typeof payload['referralId'] === 'string' ? payload['referralId'] : undefined),
  // The answer's due time, while the referral waits on it; none once answered, withdrawn or closed.
  dueAt: (state) => (awaitsAnswer(state) ? state.answerDueAt : undefined),
  // The answer is the receiving country's to give, and its due time runs on while information is asked.
  pendingOn: (state) => (awaitsAnswer(state) && state.answerDueAt ? 'receiver' : undefined),
  timelineDetail: timelineDetailFor,
  withdrawsConsent: (event) => event.type === 'ConsentWithdrawn',
  sealedDetails: SEALED_REFERRAL_DETAILS,
};
