import { ReferralCommandType } from '../referral/referral.commands';
import { ReferralSide, ReferralStatus } from '../referral/referral.state';

// The referral graph as docs/architecture.md §3 states it, written out here independently of the production
// transition map so that the tests check the code against the design rather than against itself.

export interface ExpectedTransition {
  command: ReferralCommandType;
  by: readonly ReferralSide[];
  /** undefined: the command starts the replica. */
  from: ReferralStatus | undefined;
  /** 'unchanged': accepted as a no-op (no events). */
  to: ReferralStatus | 'unchanged';
}

const SENDER: readonly ReferralSide[] = ['sender'];
const RECEIVER: readonly ReferralSide[] = ['receiver'];
const BOTH: readonly ReferralSide[] = ['sender', 'receiver'];

const rows = (
  command: ReferralCommandType,
  by: readonly ReferralSide[],
  from: readonly ReferralStatus[],
  to: ReferralStatus | 'unchanged',
): ExpectedTransition[] => from.map((status) => ({ command, by, from: status, to }));

export const EXPECTED_TRANSITIONS: readonly ExpectedTransition[] = [
  { command: 'DraftReferral', by: SENDER, from: undefined, to: 'draft' },
  { command: 'ReceiveReferral', by: RECEIVER, from: undefined, to: 'delivered' },
  ...rows('SendReferral', SENDER, ['draft'], 'sent'),
  ...rows('RecordDelivery', SENDER, ['sent'], 'delivered'),
  ...rows(
    'RecordDelivery',
    SENDER,
    [
      'delivered',
      'info-requested',
      'accepted',
      'declined',
      'withdrawn',
      'consent-withdrawn',
      'expired',
      'in-service',
      'closed',
    ],
    'unchanged',
  ),
  ...rows('AcceptReferral', RECEIVER, ['delivered'], 'accepted'),
  ...rows('DeclineReferral', RECEIVER, ['delivered'], 'declined'),
  ...rows('RequestInformation', RECEIVER, ['delivered'], 'info-requested'),
  ...rows('ProvideInformation', SENDER, ['info-requested'], 'delivered'),
  ...rows('WithdrawReferral', SENDER, ['sent', 'delivered', 'info-requested', 'accepted', 'in-service'], 'withdrawn'),
  ...rows(
    'WithdrawConsent',
    BOTH,
    ['draft', 'sent', 'delivered', 'info-requested', 'accepted', 'in-service'],
    'consent-withdrawn',
  ),
  ...rows('ExpireReferral', SENDER, ['sent', 'delivered', 'info-requested'], 'expired'),
  ...rows('StartService', RECEIVER, ['accepted'], 'in-service'),
  ...rows('CloseReferral', RECEIVER, ['in-service'], 'closed'),
];

/** Which ends may issue each command at all. */
export const EXPECTED_ISSUERS = Object.fromEntries(EXPECTED_TRANSITIONS.map((row) => [row.command, row.by])) as Record<
  ReferralCommandType,
  readonly ReferralSide[]
>;

export const EXPECTED_COMMAND_TYPES = Object.keys(EXPECTED_ISSUERS) as ReferralCommandType[];

export function expectedTransition(
  command: ReferralCommandType,
  side: ReferralSide,
  from: ReferralStatus | undefined,
): ExpectedTransition | undefined {
  return EXPECTED_TRANSITIONS.find((row) => row.command === command && row.from === from && row.by.includes(side));
}

/** Status changes a replica may go through: the transitions above, plus the receiver's start (sent, delivered). */
export const EXPECTED_EDGES: ReadonlySet<string> = new Set([
  ...EXPECTED_TRANSITIONS.filter((row) => row.to !== 'unchanged').map((row) =>
    edge(row.from, row.to as ReferralStatus),
  ),
  edge(undefined, 'sent'),
  edge('sent', 'delivered'),
]);

export function edge(from: ReferralStatus | undefined, to: ReferralStatus): string {
  return `${from ?? '(none)'} -> ${to}`;
}
