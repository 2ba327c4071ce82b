import { ReintegrationCommandType } from './reintegration.commands';
import { ReintegrationSide, ReintegrationStatus } from './reintegration.state';
import { REINTEGRATION_OPEN_STATUSES } from './reintegration.status';

/** A command that starts a replica: allowed only where the end holds no state for the plan yet. */
interface CreatingCommandRule {
  kind: 'create';
  by: readonly ReintegrationSide[];
}

/** A command on an existing replica: allowed from `from`. */
interface TransitionCommandRule {
  kind: 'transition';
  by: readonly ReintegrationSide[];
  from: readonly ReintegrationStatus[];
}

export type ReintegrationCommandRule = CreatingCommandRule | TransitionCommandRule;

const RECEIVER: readonly ReintegrationSide[] = ['receiver'];

/**
 * Who may issue each command and from which statuses, in the order a console lists the actions: the steps
 * forward first, the endings last. The receiver runs the reintegration; the sender, told only with consent,
 * can but pass on the person's withdrawal of consent. decide() checks side and status here before the rules on
 * the command's data; allowedReintegrationCommands() reads the same map.
 */
export const REINTEGRATION_COMMAND_RULES: Readonly<Record<ReintegrationCommandType, ReintegrationCommandRule>> = {
  OpenReintegration: { kind: 'create', by: RECEIVER },
  ReceiveReintegration: { kind: 'create', by: ['sender'] },
  AgreePlan: { kind: 'transition', by: RECEIVER, from: ['plan-pending'] },
  StartImplementation: { kind: 'transition', by: RECEIVER, from: ['plan-agreed'] },
  StartMonitoring: { kind: 'transition', by: RECEIVER, from: ['in-implementation'] },
  ReportFollowUp: { kind: 'transition', by: RECEIVER, from: ['monitoring'] },
  ResolveRiskReview: { kind: 'transition', by: RECEIVER, from: ['risk-review'] },
  CloseReintegration: { kind: 'transition', by: RECEIVER, from: ['plan-agreed', 'in-implementation', 'monitoring'] },
  ReReferral: { kind: 'transition', by: RECEIVER, from: ['in-implementation', 'monitoring'] },
  WithdrawReintegrationConsent: { kind: 'transition', by: ['receiver', 'sender'], from: REINTEGRATION_OPEN_STATUSES },
};

export const REINTEGRATION_COMMAND_TYPES = Object.keys(REINTEGRATION_COMMAND_RULES) as ReintegrationCommandType[];
