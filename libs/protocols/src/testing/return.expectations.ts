import { ReturnCommandType } from '../return/return.commands';
import { ReturnRuleViolationCode } from '../return/return-rule-violation.error';
import { ReturnSide, ReturnStatus } from '../return/return.state';
import { ReturnKind, ReturnVariant, SUSPENDED_BY, SUSPENDED_FROM } from './return.fixtures';

// The return graph as docs/architecture.md §3 and issue 3 state it, written out here independently of the production
// transition map so that the tests check the code against the design rather than against itself.

export interface ExpectedTransition {
  command: ReturnCommandType;
  by: readonly ReturnSide[];
  /** undefined: the command starts the replica. */
  from: ReturnStatus | undefined;
  /** 'unchanged': accepted as a no-op (no events). */
  to: ReturnStatus | 'unchanged';
  /** The finding the command records; the negative one ends the return. */
  variant: ReturnVariant;
  /** A child safeguard applies to a child's return only. */
  childOnly: boolean;
}

const SENDER: readonly ReturnSide[] = ['sender'];
const RECEIVER: readonly ReturnSide[] = ['receiver'];
const BOTH: readonly ReturnSide[] = ['sender', 'receiver'];

const BEFORE_DEPARTURE: readonly ReturnStatus[] = [
  'requested',
  'nationality-verified',
  'risk-assessed',
  'plan-proposed',
  'plan-confirmed',
  'documents-issued',
  'travel-scheduled',
  'no-show',
];
const OPEN: readonly ReturnStatus[] = [...BEFORE_DEPARTURE, 'departed', 'arrived', 'suspended'];
const ALL: readonly ReturnStatus[] = [
  ...OPEN,
  'nationality-not-confirmed',
  'not-safe',
  'barred',
  'handed-over',
  'cancelled',
  'consent-withdrawn',
];

const rows = (
  command: ReturnCommandType,
  by: readonly ReturnSide[],
  from: readonly ReturnStatus[],
  to: ReturnStatus | 'unchanged',
  options: { variant?: ReturnVariant; childOnly?: boolean } = {},
): ExpectedTransition[] =>
  from.map((status) => ({
    command,
    by,
    from: status,
    to,
    variant: options.variant ?? 'positive',
    childOnly: options.childOnly ?? false,
  }));

const negative = { variant: 'negative' } as const;
const child = { childOnly: true } as const;

export const EXPECTED_TRANSITIONS: readonly ExpectedTransition[] = [
  { command: 'RequestReturn', by: SENDER, from: undefined, to: 'requested', variant: 'positive', childOnly: false },
  {
    command: 'ReceiveReturnRequest',
    by: RECEIVER,
    from: undefined,
    to: 'requested',
    variant: 'positive',
    childOnly: false,
  },
  // Every fixture's sender already holds the receipt, so another one changes nothing.
  ...rows('RecordReturnDelivery', SENDER, ALL, 'unchanged'),
  ...rows('VerifyNationality', RECEIVER, ['requested'], 'nationality-verified'),
  ...rows('VerifyNationality', RECEIVER, ['requested'], 'nationality-not-confirmed', negative),
  ...rows('RecordRiskAssessment', BOTH, ['nationality-verified'], 'risk-assessed'),
  ...rows('RecordRiskAssessment', BOTH, ['nationality-verified'], 'not-safe', negative),
  ...rows('AppointGuardian', SENDER, ['risk-assessed'], 'risk-assessed', child),
  ...rows('RecordBestInterestsDetermination', SENDER, ['risk-assessed'], 'risk-assessed', child),
  ...rows('RecordBestInterestsDetermination', SENDER, ['risk-assessed'], 'barred', { ...child, ...negative }),
  ...rows('RecordFamilyAssessment', RECEIVER, ['risk-assessed'], 'risk-assessed', child),
  ...rows('RecordFamilyAssessment', RECEIVER, ['risk-assessed'], 'barred', { ...child, ...negative }),
  ...rows('ProposeReceptionPlan', RECEIVER, ['risk-assessed'], 'plan-proposed'),
  ...rows('ConfirmReceptionPlan', SENDER, ['plan-proposed'], 'plan-confirmed'),
  ...rows('RejectReceptionPlan', SENDER, ['plan-proposed'], 'risk-assessed'),
  ...rows('IssueTravelDocuments', RECEIVER, ['plan-confirmed'], 'documents-issued'),
  ...rows('ScheduleTravel', SENDER, ['documents-issued', 'travel-scheduled', 'no-show'], 'travel-scheduled'),
  ...rows('RecordDeparture', SENDER, ['travel-scheduled'], 'departed'),
  ...rows('RecordNoShow', SENDER, ['travel-scheduled'], 'no-show'),
  ...rows('RecordArrival', RECEIVER, ['departed'], 'arrived'),
  ...rows('HandOverToReintegration', RECEIVER, ['arrived'], 'handed-over'),
  ...rows('SuspendReturn', BOTH, BEFORE_DEPARTURE, 'suspended'),
  // The fixtures' suspension is the sender's: the receiver adds its own hold, only the sender lifts the sender's.
  ...rows('SuspendReturn', RECEIVER, ['suspended'], 'suspended'),
  ...rows('ResumeReturn', [SUSPENDED_BY], ['suspended'], SUSPENDED_FROM),
  ...rows('CancelReturnByPerson', SENDER, [...BEFORE_DEPARTURE, 'suspended'], 'cancelled'),
  ...rows('WithdrawReturnConsent', BOTH, OPEN, 'consent-withdrawn'),
];

/** Which ends may issue each command at all. */
export const EXPECTED_ISSUERS: Record<ReturnCommandType, readonly ReturnSide[]> = {
  RequestReturn: SENDER,
  ReceiveReturnRequest: RECEIVER,
  RecordReturnDelivery: SENDER,
  VerifyNationality: RECEIVER,
  RecordRiskAssessment: BOTH,
  AppointGuardian: SENDER,
  RecordBestInterestsDetermination: SENDER,
  RecordFamilyAssessment: RECEIVER,
  ProposeReceptionPlan: RECEIVER,
  ConfirmReceptionPlan: SENDER,
  RejectReceptionPlan: SENDER,
  IssueTravelDocuments: RECEIVER,
  ScheduleTravel: SENDER,
  RecordDeparture: SENDER,
  RecordNoShow: SENDER,
  RecordArrival: RECEIVER,
  HandOverToReintegration: RECEIVER,
  SuspendReturn: BOTH,
  ResumeReturn: BOTH,
  CancelReturnByPerson: SENDER,
  WithdrawReturnConsent: BOTH,
};

export const EXPECTED_COMMAND_TYPES = Object.keys(EXPECTED_ISSUERS) as ReturnCommandType[];

const CHILD_ONLY: readonly ReturnCommandType[] = [
  'AppointGuardian',
  'RecordBestInterestsDetermination',
  'RecordFamilyAssessment',
];

export function expectedTransitions(
  command: ReturnCommandType,
  side: ReturnSide,
  from: ReturnStatus | undefined,
  kind: ReturnKind,
): ExpectedTransition[] {
  return EXPECTED_TRANSITIONS.filter(
    (row) =>
      row.command === command && row.from === from && row.by.includes(side) && (kind === 'child' || !row.childOnly),
  );
}

/**
 * The code a command must be refused with where the design allows it not, in the order the protocol checks:
 * existence, issuing end, a child's safeguard for an adult, status, then who holds the suspension.
 */
export function expectedRefusal(
  command: ReturnCommandType,
  side: ReturnSide,
  status: ReturnStatus | undefined,
  kind: ReturnKind,
): ReturnRuleViolationCode {
  const creates = command === 'RequestReturn' || command === 'ReceiveReturnRequest';
  if (status === undefined && !creates) return 'NOT_FOUND';
  if (status !== undefined && creates) return 'ALREADY_EXISTS';
  if (!EXPECTED_ISSUERS[command].includes(side)) return 'WRONG_SIDE';
  if (kind === 'adult' && CHILD_ONLY.includes(command)) return 'NOT_APPLICABLE';
  if (status === 'suspended' && command === 'ResumeReturn') return 'WRONG_SIDE';
  return 'TRANSITION_NOT_ALLOWED';
}

/** Status changes a replica may go through when every message arrives before the next decision. */
export const EXPECTED_EDGES: ReadonlySet<string> = new Set([
  ...EXPECTED_TRANSITIONS.filter((row) => row.to !== 'unchanged' && row.command !== 'ResumeReturn').map((row) =>
    edge(row.from, row.to as ReturnStatus),
  ),
  // A suspension resumes in the status it came from, whichever that was.
  ...BEFORE_DEPARTURE.map((status) => edge('suspended', status)),
]);

/**
 * The status changes only a crossing adds: an ending or the departure that overtakes a suspension, danger
 * reported by one end after the other went on, the person's cancellation over the other end's ending, and the
 * withdrawal of consent over every ending.
 */
export const CROSSING_EDGES: ReadonlySet<string> = new Set([
  ...(['nationality-not-confirmed', 'not-safe', 'barred', 'departed'] as const).map((to) => edge('suspended', to)),
  ...(['risk-assessed', 'plan-proposed', 'barred'] as const).map((from) => edge(from, 'not-safe')),
  ...(['nationality-not-confirmed', 'not-safe', 'barred'] as const).map((from) => edge(from, 'cancelled')),
  ...(['nationality-not-confirmed', 'not-safe', 'barred', 'handed-over', 'cancelled'] as const).map((from) =>
    edge(from, 'consent-withdrawn'),
  ),
]);

export function edge(from: ReturnStatus | undefined, to: ReturnStatus): string {
  return `${from ?? '(none)'} -> ${to}`;
}
