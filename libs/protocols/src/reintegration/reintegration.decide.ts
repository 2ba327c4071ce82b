import { isAtOrAfter, isBefore } from '../shared/iso-instant';
import { AgreePlan, OpenReintegration, ReceiveReintegration, ReintegrationCommand } from './reintegration.commands';
import { ReintegrationEvent } from './reintegration.events';
import { ReintegrationRuleViolation } from './reintegration-rule-violation.error';
import { addDays, isReadableInstant } from './reintegration.schedule';
import { checkedOpening } from './reintegration.opening';
import {
  REINTEGRATION_CLOSURE_REASONS,
  REINTEGRATION_SUPPORT_TYPES,
  ReintegrationSide,
  ReintegrationState,
  ReintegrationSupportType,
} from './reintegration.state';
import { REINTEGRATION_COMMAND_RULES } from './reintegration.transitions';

type CreatingCommand = OpenReintegration | ReceiveReintegration;
type TransitionCommand = Exclude<ReintegrationCommand, CreatingCommand>;

/**
 * Decides what a command on one end's replica of a reintegration means: the events to record, or a
 * ReintegrationRuleViolation. `side` is the end that issued the command: this end for its own users' commands,
 * the other end when a node replays the command a message carried (both replicas then decide the same
 * events), so the replica's own side plays no part. The checks run in the order existence (NOT_FOUND,
 * ALREADY_EXISTS) -> side (WRONG_SIDE) -> status (TRANSITION_NOT_ALLOWED) -> the command's data, so a caller
 * learns the most basic problem first.
 */
export function decideReintegration(
  state: ReintegrationState | undefined,
  command: ReintegrationCommand,
  side: ReintegrationSide,
): ReintegrationEvent[] {
  if (command.type === 'OpenReintegration' || command.type === 'ReceiveReintegration') {
    return startReplica(state, command, side);
  }
  if (!state) {
    throw new ReintegrationRuleViolation(
      'NOT_FOUND',
      undefined,
      command.type,
      'needs a reintegration, and this end holds none',
    );
  }
  const rule = REINTEGRATION_COMMAND_RULES[command.type];
  if (!rule.by.includes(side)) {
    throw new ReintegrationRuleViolation('WRONG_SIDE', state.status, command.type, `cannot be issued by the ${side}`);
  }
  if (rule.kind !== 'transition' || !rule.from.includes(state.status)) {
    throw new ReintegrationRuleViolation(
      'TRANSITION_NOT_ALLOWED',
      state.status,
      command.type,
      `is not allowed while the reintegration is ${state.status}`,
    );
  }
  // Due times are computed from `at`: an instant nobody can read would make them up.
  if (!isReadableInstant(command.data.at)) {
    throw new ReintegrationRuleViolation('INVALID_DATE', state.status, command.type, 'needs a readable instant');
  }
  return transition(state, command);
}

function startReplica(
  state: ReintegrationState | undefined,
  command: CreatingCommand,
  side: ReintegrationSide,
): ReintegrationEvent[] {
  if (state) {
    throw new ReintegrationRuleViolation(
      'ALREADY_EXISTS',
      state.status,
      command.type,
      'is not allowed: this end already holds the reintegration',
    );
  }
  if (!REINTEGRATION_COMMAND_RULES[command.type].by.includes(side)) {
    throw new ReintegrationRuleViolation('WRONG_SIDE', undefined, command.type, `cannot be issued by the ${side}`);
  }
  if (command.type === 'OpenReintegration') {
    const { at, ...opening } = command.data;
    return [{ type: 'ReintegrationOpened', data: { ...checkedOpening(opening, command.type, at), at } }];
  }
  const { at, openedAt, ...opening } = command.data;
  // The sender holds a replica only where the person consented to tell it.
  if (!opening.shareWithSender) {
    throw new ReintegrationRuleViolation(
      'CONSENT_REQUIRED',
      undefined,
      command.type,
      "needs the person's consent to tell the sending country",
    );
  }
  if (!isReadableInstant(at)) {
    throw new ReintegrationRuleViolation('INVALID_DATE', undefined, command.type, 'needs a readable instant');
  }
  return [
    { type: 'ReintegrationReceived', data: { ...checkedOpening(opening, command.type, openedAt), openedAt, at } },
  ];
}

function transition(state: ReintegrationState, command: TransitionCommand): ReintegrationEvent[] {
  const { planId, followUpIntervalDays } = state;
  const { at } = command.data;
  switch (command.type) {
    case 'AgreePlan':
      return [agreePlan(state, command)];
    case 'StartImplementation':
      return [{ type: 'ImplementationStarted', data: { planId, at } }];
    case 'StartMonitoring':
      return [
        { type: 'MonitoringStarted', data: { planId, nextFollowUpDueAt: addDays(at, followUpIntervalDays), at } },
      ];
    case 'ReportFollowUp': {
      const { sequence, wellbeing, signsOfRetrafficking } = command.data;
      const expected = state.followUpCount + 1;
      if (sequence !== expected) {
        throw new ReintegrationRuleViolation(
          'OUT_OF_ORDER',
          state.status,
          command.type,
          `must report follow-up ${expected} next`,
        );
      }
      // A sign of re-trafficking stops the follow-ups until a risk review resolves it: no next one falls due.
      const next = signsOfRetrafficking ? {} : { nextFollowUpDueAt: addDays(at, followUpIntervalDays) };
      return [{ type: 'FollowUpReported', data: { planId, sequence, wellbeing, signsOfRetrafficking, ...next, at } }];
    }
    case 'ResolveRiskReview': {
      const { outcome, reason } = command.data;
      requireReason(state, command.type, reason);
      const next = outcome === 'continue' ? { nextFollowUpDueAt: addDays(at, followUpIntervalDays) } : {};
      return [{ type: 'RiskReviewResolved', data: { planId, outcome, reason, ...next, at } }];
    }
    case 'CloseReintegration': {
      const { reason } = command.data;
      if (!REINTEGRATION_CLOSURE_REASONS.includes(reason)) {
        throw new ReintegrationRuleViolation(
          'REASON_REQUIRED',
          state.status,
          command.type,
          `needs one of the reasons ${REINTEGRATION_CLOSURE_REASONS.join(', ')}`,
        );
      }
      return [{ type: 'ReintegrationClosed', data: { planId, reason, at } }];
    }
    case 'ReReferral':
      requireReason(state, command.type, command.data.reason);
      return [{ type: 'ReintegrationReReferred', data: { planId, reason: command.data.reason, at } }];
    case 'WithdrawReintegrationConsent':
      return [{ type: 'ReintegrationConsentWithdrawn', data: { planId, at } }];
  }
}

function agreePlan(state: ReintegrationState, command: AgreePlan): ReintegrationEvent {
  const { supportTypes, plannedEndDate, at } = command.data;
  const known = (type: string): type is ReintegrationSupportType =>
    (REINTEGRATION_SUPPORT_TYPES as readonly string[]).includes(type);
  if (supportTypes.length === 0 || !supportTypes.every(known)) {
    throw new ReintegrationRuleViolation(
      'SUPPORT_REQUIRED',
      state.status,
      command.type,
      'needs at least one support type, each an HTCDS spl_Type value',
    );
  }
  if (!isAtOrAfter(plannedEndDate, at)) {
    throw new ReintegrationRuleViolation(
      'INVALID_DATE',
      state.status,
      command.type,
      'needs a readable planned end date no earlier than the agreement',
    );
  }
  return {
    type: 'ReintegrationPlanAgreed',
    data: {
      planId: state.planId,
      supportTypes: [...new Set(supportTypes)],
      plannedEndDate,
      // Late is a fact for the deadline reports, not a refusal: a plan agreed late still helps the person.
      agreedLate: isBefore(state.planDueAt, at),
      at,
    },
  };
}

function requireReason(
  state: ReintegrationState,
  commandType: TransitionCommand['type'],
  reason: string | undefined,
): void {
  if (!reason?.trim()) {
    throw new ReintegrationRuleViolation('REASON_REQUIRED', state.status, commandType, 'needs a reason');
  }
}
