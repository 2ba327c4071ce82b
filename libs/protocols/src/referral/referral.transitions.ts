import { ReferralCommandType } from './referral.commands';
import { ReferralSide, ReferralStatus } from './referral.state';

/** A command that starts a replica: allowed only where the end holds no state for the referral yet. */
interface CreatingCommandRule {
  kind: 'create';
  by: readonly ReferralSide[];
}

/** A command on an existing replica: allowed from `from`; a no-op (no events) from `noOpFrom`. */
interface TransitionCommandRule {
  kind: 'transition';
  by: readonly ReferralSide[];
  from: readonly ReferralStatus[];
  noOpFrom?: readonly ReferralStatus[];
}

export type ReferralCommandRule = CreatingCommandRule | TransitionCommandRule;

const BOTH: readonly ReferralSide[] = ['sender', 'receiver'];

// The open statuses after the draft: what the sender can still withdraw.
const IN_FLIGHT: readonly ReferralStatus[] = ['sent', 'delivered', 'info-requested', 'accepted', 'in-service'];

/**
 * Who may issue each command and from which statuses, in the order a console lists the actions: the steps
 * forward first, the endings last. decide() checks side and status here before the rules on
 * the command's data; allowedCommands() reads the same map, so the console never offers what decide refuses.
 */
export const REFERRAL_COMMAND_RULES: Readonly<Record<ReferralCommandType, ReferralCommandRule>> = {
  DraftReferral: { kind: 'create', by: ['sender'] },
  ReceiveReferral: { kind: 'create', by: ['receiver'] },
  SendReferral: { kind: 'transition', by: ['sender'], from: ['draft'] },
  // The receipt may arrive after the answer overtook it, or twice: once past `sent` it changes nothing.
  RecordDelivery: {
    kind: 'transition',
    by: ['sender'],
    from: ['sent'],
    noOpFrom: [
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
  },
  AcceptReferral: { kind: 'transition', by: ['receiver'], from: ['delivered'] },
  DeclineReferral: { kind: 'transition', by: ['receiver'], from: ['delivered'] },
  RequestInformation: { kind: 'transition', by: ['receiver'], from: ['delivered'] },
  ProvideInformation: { kind: 'transition', by: ['sender'], from: ['info-requested'] },
  StartService: { kind: 'transition', by: ['receiver'], from: ['accepted'] },
  CloseReferral: { kind: 'transition', by: ['receiver'], from: ['in-service'] },
  ExpireReferral: { kind: 'transition', by: ['sender'], from: ['sent', 'delivered', 'info-requested'] },
  WithdrawReferral: { kind: 'transition', by: ['sender'], from: IN_FLIGHT },
  WithdrawConsent: { kind: 'transition', by: BOTH, from: ['draft', ...IN_FLIGHT] },
};

export const REFERRAL_COMMAND_TYPES = Object.keys(REFERRAL_COMMAND_RULES) as ReferralCommandType[];
