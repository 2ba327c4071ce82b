import { isAtOrAfter, isBefore } from '../shared/iso-instant';
import { DraftReferral, ReceiveReferral, ReferralCommand, SendReferral } from './referral.commands';
import { ReferralEvent } from './referral.events';
import { ReferralRuleViolation } from './referral-rule-violation.error';
import { ReferralSide, ReferralState } from './referral.state';
import { REFERRAL_COMMAND_RULES } from './referral.transitions';

type CreatingCommand = DraftReferral | ReceiveReferral;
type TransitionCommand = Exclude<ReferralCommand, CreatingCommand>;

/**
 * Decides what a command on one end's replica of a referral means: the events to record, or a
 * ReferralRuleViolation. `side` is the end that issued the command: this end for its own users' commands, the
 * other end when a node replays the command a message carried (both replicas then decide the same events), so
 * the replica's own side plays no part. The checks run in the order existence (NOT_FOUND, ALREADY_EXISTS) ->
 * side (WRONG_SIDE) -> status (TRANSITION_NOT_ALLOWED) -> the command's data (CONSENT_REQUIRED, NOT_DUE,
 * REASON_REQUIRED), so a caller learns the most basic problem first.
 */
export function decide(
  state: ReferralState | undefined,
  command: ReferralCommand,
  side: ReferralSide,
): ReferralEvent[] {
  if (command.type === 'DraftReferral' || command.type === 'ReceiveReferral') {
    return startReplica(state, command, side);
  }
  if (!state) {
    throw new ReferralRuleViolation('NOT_FOUND', undefined, command.type, 'needs a referral, and this end holds none');
  }
  const rule = REFERRAL_COMMAND_RULES[command.type];
  if (!rule.by.includes(side)) {
    throw new ReferralRuleViolation('WRONG_SIDE', state.status, command.type, `cannot be issued by the ${side}`);
  }
  if (rule.kind === 'transition' && rule.noOpFrom?.includes(state.status)) {
    return [];
  }
  if (rule.kind !== 'transition' || !rule.from.includes(state.status)) {
    throw new ReferralRuleViolation(
      'TRANSITION_NOT_ALLOWED',
      state.status,
      command.type,
      `is not allowed while the referral is ${state.status}`,
    );
  }
  return transition(state, command);
}

function startReplica(state: ReferralState | undefined, command: CreatingCommand, side: ReferralSide): ReferralEvent[] {
  if (state) {
    throw new ReferralRuleViolation(
      'ALREADY_EXISTS',
      state.status,
      command.type,
      'is not allowed: this end already holds the referral',
    );
  }
  if (!REFERRAL_COMMAND_RULES[command.type].by.includes(side)) {
    throw new ReferralRuleViolation('WRONG_SIDE', undefined, command.type, `cannot be issued by the ${side}`);
  }
  if (command.type === 'DraftReferral') {
    const { referralId, fromCountry, toCountry, consent, at } = command.data;
    return [{ type: 'ReferralDrafted', data: { referralId, fromCountry, toCountry, consent, at } }];
  }
  const { referralId, fromCountry, toCountry, answerDueAt, sentAt, envelopeId, at } = command.data;
  // The receiver records the same two steps the sender does, so both ends hold the same history.
  return [
    { type: 'ReferralSent', data: { referralId, fromCountry, toCountry, answerDueAt, at: sentAt ?? at } },
    { type: 'ReferralDelivered', data: { referralId, ...(envelopeId ? { envelopeId } : {}), at } },
  ];
}

function transition(state: ReferralState, command: TransitionCommand): ReferralEvent[] {
  const { referralId } = state;
  switch (command.type) {
    case 'SendReferral': {
      requireConsent(state, command);
      const { fromCountry, toCountry } = state;
      const { answerDueAt, at } = command.data;
      return [{ type: 'ReferralSent', data: { referralId, fromCountry, toCountry, answerDueAt, at } }];
    }
    case 'RecordDelivery':
      return [{ type: 'ReferralDelivered', data: { referralId, ...command.data } }];
    case 'AcceptReferral':
      return [{ type: 'ReferralAccepted', data: { referralId, at: command.data.at } }];
    case 'DeclineReferral':
      requireReason(state, command.type, command.data.reason);
      return [{ type: 'ReferralDeclined', data: { referralId, ...command.data } }];
    case 'RequestInformation':
      return [{ type: 'InformationRequested', data: { referralId, ...command.data } }];
    case 'ProvideInformation':
      return [{ type: 'InformationProvided', data: { referralId, ...command.data } }];
    case 'WithdrawReferral':
      requireReason(state, command.type, command.data.reason);
      return [{ type: 'ReferralWithdrawn', data: { referralId, ...command.data } }];
    case 'WithdrawConsent':
      return [{ type: 'ConsentWithdrawn', data: { referralId, at: command.data.at } }];
    case 'ExpireReferral':
      if (!state.answerDueAt || !isAtOrAfter(command.data.at, state.answerDueAt)) {
        throw new ReferralRuleViolation(
          'NOT_DUE',
          state.status,
          command.type,
          'is not allowed before the answer is due',
        );
      }
      return [{ type: 'ReferralExpired', data: { referralId, at: command.data.at } }];
    case 'StartService':
      return [{ type: 'ServiceStarted', data: { referralId, at: command.data.at } }];
    case 'CloseReferral': {
      const { outcome, reason, at } = command.data;
      if (outcome === 'unsuccessful') {
        requireReason(state, command.type, reason);
      }
      return [{ type: 'ReferralClosed', data: { referralId, outcome, ...(reason ? { reason } : {}), at } }];
    }
  }
}

/** No personal data leaves the node without consent that is recorded, still valid and covers the receiver. */
function requireConsent(state: ReferralState, command: SendReferral): void {
  const { consent, toCountry } = state;
  const { at } = command.data;
  const covers =
    consent !== undefined &&
    isAtOrAfter(at, consent.recordedAt) &&
    (consent.expiresAt === undefined || isBefore(at, consent.expiresAt)) &&
    (consent.recipients === undefined || consent.recipients.includes(toCountry));
  if (!covers) {
    throw new ReferralRuleViolation(
      'CONSENT_REQUIRED',
      state.status,
      command.type,
      'needs recorded consent that is valid now and covers the receiving country',
    );
  }
}

function requireReason(state: ReferralState, commandType: TransitionCommand['type'], reason: string | undefined): void {
  if (!reason?.trim()) {
    throw new ReferralRuleViolation('REASON_REQUIRED', state.status, commandType, 'needs a reason');
  }
}
