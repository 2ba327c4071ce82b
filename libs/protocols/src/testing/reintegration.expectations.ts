import { ReintegrationCommandType } from '../reintegration/reintegration.commands';
import { ReintegrationRuleViolationCode } from '../reintegration/reintegration-rule-violation.error';
import { ReintegrationSide, ReintegrationStatus } from '../reintegration/reintegration.state';
import { ReintegrationVariant } from './reintegration.fixtures';

// The reintegration graph as docs/architecture.md §3 states it, written out here independently of the
// production transition map so that the tests check the code against the design rather than against itself.

export interface ExpectedTransition {
  command: ReintegrationCommandType;
  by: readonly ReintegrationSide[];
  /** undefined: the command starts the replica. */
  from: ReintegrationStatus | undefined;
  to: ReintegrationStatus;
  variant: ReintegrationVariant;
}

const RECEIVER: readonly ReintegrationSide[] = ['receiver'];
const SENDER: readonly ReintegrationSide[] = ['sender'];
const BOTH: readonly ReintegrationSide[] = ['receiver', 'sender'];

const rows = (
  command: ReintegrationCommandType,
  by: readonly ReintegrationSide[],
  from: readonly ReintegrationStatus[],
  to: ReintegrationStatus,
  variant: ReintegrationVariant = 'positive',
): ExpectedTransition[] => from.map((status) => ({ command, by, from: status, to, variant }));

export const EXPECTED_TRANSITIONS: readonly ExpectedTransition[] = [
  { command: 'OpenReintegration', by: RECEIVER, from: undefined, to: 'plan-pending', variant: 'positive' },
  { command: 'ReceiveReintegration', by: SENDER, from: undefined, to: 'plan-pending', variant: 'positive' },
  ...rows('AgreePlan', RECEIVER, ['plan-pending'], 'plan-agreed'),
  ...rows('StartImplementation', RECEIVER, ['plan-agreed'], 'in-implementation'),
  ...rows('StartMonitoring', RECEIVER, ['in-implementation'], 'monitoring'),
  ...rows('ReportFollowUp', RECEIVER, ['monitoring'], 'monitoring'),
  ...rows('ReportFollowUp', RECEIVER, ['monitoring'], 'risk-review', 'negative'),
  ...rows('ResolveRiskReview', RECEIVER, ['risk-review'], 'monitoring'),
  ...rows('ResolveRiskReview', RECEIVER, ['risk-review'], 're-referred', 'negative'),
  ...rows('CloseReintegration', RECEIVER, ['plan-agreed', 'in-implementation', 'monitoring'], 'closed'),
  ...rows('ReReferral', RECEIVER, ['in-implementation', 'monitoring'], 're-referred'),
  ...rows(
    'WithdrawReintegrationConsent',
    BOTH,
    ['plan-pending', 'plan-agreed', 'in-implementation', 'monitoring', 'risk-review'],
    'consent-withdrawn',
  ),
];

/** Which ends may issue each command at all. */
export const EXPECTED_ISSUERS = Object.fromEntries(EXPECTED_TRANSITIONS.map((row) => [row.command, row.by])) as Record<
  ReintegrationCommandType,
  readonly ReintegrationSide[]
>;

export const EXPECTED_COMMAND_TYPES = Object.keys(EXPECTED_ISSUERS) as ReintegrationCommandType[];

export function isExpectedAllowed(
  command: ReintegrationCommandType,
  side: ReintegrationSide,
  from: ReintegrationStatus | undefined,
): boolean {
  return EXPECTED_TRANSITIONS.some((row) => row.command === command && row.from === from && row.by.includes(side));
}

/** The code a command must be refused with where the design allows it not: existence, issuing end, status. */
export function expectedRefusal(
  command: ReintegrationCommandType,
  side: ReintegrationSide,
  status: ReintegrationStatus | undefined,
): ReintegrationRuleViolationCode {
  const creates = command === 'OpenReintegration' || command === 'ReceiveReintegration';
  if (status === undefined && !creates) return 'NOT_FOUND';
  if (status !== undefined && creates) return 'ALREADY_EXISTS';
  if (!EXPECTED_ISSUERS[command].includes(side)) return 'WRONG_SIDE';
  return 'TRANSITION_NOT_ALLOWED';
}

/** Status changes a replica may go through when every message arrives before the next decision. */
export const EXPECTED_EDGES: ReadonlySet<string> = new Set(
  EXPECTED_TRANSITIONS.filter((row) => row.from !== row.to).map((row) => edge(row.from, row.to)),
);

/** The status changes only a crossing adds: the sender's withdrawal of consent over the receiver's ending. */
export const CROSSING_EDGES: ReadonlySet<string> = new Set(
  (['closed', 're-referred'] as const).map((from) => edge(from, 'consent-withdrawn')),
);

export function edge(from: ReintegrationStatus | undefined, to: ReintegrationStatus): string {
  return `${from ?? '(none)'} -> ${to}`;
}
