import { ReturnCommandType } from './return.commands';
import { RETURN_STATUSES, ReturnSide, ReturnStatus } from './return.state';
import { RETURN_BEFORE_DEPARTURE_STATUSES, RETURN_OPEN_STATUSES } from './return.status';

/** A command that starts a replica: allowed only where the end holds no state for the return yet. */
interface CreatingCommandRule {
  kind: 'create';
  by: readonly ReturnSide[];
}

/** A command on an existing replica, allowed from `from`. */
interface TransitionCommandRule {
  kind: 'transition';
  by: readonly ReturnSide[];
  from: readonly ReturnStatus[];
  /** A child safeguard: refused for an adult (NOT_APPLICABLE). */
  childOnly?: boolean;
}

export type ReturnCommandRule = CreatingCommandRule | TransitionCommandRule;

const SENDER: readonly ReturnSide[] = ['sender'];
const RECEIVER: readonly ReturnSide[] = ['receiver'];
const BOTH: readonly ReturnSide[] = ['sender', 'receiver'];

/**
 * Who may issue each command and from which statuses, in the order a console lists the actions: the steps
 * forward first, the pauses and endings last. decide() checks side, applicability and status here before the
 * rules on the command's data; allowedReturnCommands() reads the same map, so the console never offers what
 * decide refuses for those reasons. Two refinements live in decide: only the end holding a suspension resumes
 * it (and an end suspends at most once), and each child safeguard is recorded once.
 */
export const RETURN_COMMAND_RULES: Readonly<Record<ReturnCommandType, ReturnCommandRule>> = {
  RequestReturn: { kind: 'create', by: SENDER },
  ReceiveReturnRequest: { kind: 'create', by: RECEIVER },
  // The receipt may come at any point, even after the receiver answered: it records a fact, once.
  RecordReturnDelivery: { kind: 'transition', by: SENDER, from: RETURN_STATUSES },
  VerifyNationality: { kind: 'transition', by: RECEIVER, from: ['requested'] },
  RecordRiskAssessment: { kind: 'transition', by: BOTH, from: ['nationality-verified'] },
  AppointGuardian: { kind: 'transition', by: SENDER, from: ['risk-assessed'], childOnly: true },
  RecordBestInterestsDetermination: { kind: 'transition', by: SENDER, from: ['risk-assessed'], childOnly: true },
  RecordFamilyAssessment: { kind: 'transition', by: RECEIVER, from: ['risk-assessed'], childOnly: true },
  ProposeReceptionPlan: { kind: 'transition', by: RECEIVER, from: ['risk-assessed'] },
  ConfirmReceptionPlan: { kind: 'transition', by: SENDER, from: ['plan-proposed'] },
  RejectReceptionPlan: { kind: 'transition', by: SENDER, from: ['plan-proposed'] },
  IssueTravelDocuments: { kind: 'transition', by: RECEIVER, from: ['plan-confirmed'] },
  // Listed before ScheduleTravel: once a journey is scheduled, leaving is the step forward, not rescheduling.
  RecordDeparture: { kind: 'transition', by: SENDER, from: ['travel-scheduled'] },
  ScheduleTravel: { kind: 'transition', by: SENDER, from: ['documents-issued', 'travel-scheduled', 'no-show'] },
  RecordNoShow: { kind: 'transition', by: SENDER, from: ['travel-scheduled'] },
  RecordArrival: { kind: 'transition', by: RECEIVER, from: ['departed'] },
  HandOverToReintegration: { kind: 'transition', by: RECEIVER, from: ['arrived'] },
  ResumeReturn: { kind: 'transition', by: BOTH, from: ['suspended'] },
  // Each end may hold its own suspension, so the other end may suspend a return that is already suspended.
  SuspendReturn: { kind: 'transition', by: BOTH, from: [...RETURN_BEFORE_DEPARTURE_STATUSES, 'suspended'] },
  CancelReturnByPerson: { kind: 'transition', by: SENDER, from: [...RETURN_BEFORE_DEPARTURE_STATUSES, 'suspended'] },
  WithdrawReturnConsent: { kind: 'transition', by: BOTH, from: RETURN_OPEN_STATUSES },
};

export const RETURN_COMMAND_TYPES = Object.keys(RETURN_COMMAND_RULES) as ReturnCommandType[];
