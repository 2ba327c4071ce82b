import type { Role } from '@enlace/auth';
import {
  ReintegrationState,
  allowedReintegrationCommands,
  isReintegrationTerminal,
  reintegrationSharesWithSender,
} from '@enlace/protocols';
import { protocolCaseDetailsBase, protocolCaseSummaryBase } from '../../cases/dto/protocol-case.view';
import type { ProtocolCaseDocument } from '../../cases/persistence/protocol-case.document';
import { reintegrationStepsFor } from './reintegration-steps';
import type { ReintegrationSummary, ReintegrationView } from './reintegration.requests';

export function toReintegrationSummary(
  document: ProtocolCaseDocument<ReintegrationState>,
  now: Date = new Date(),
): ReintegrationSummary {
  return {
    ...protocolCaseSummaryBase(document, now),
    ...(document.links?.returnId ? { returnId: document.links.returnId } : {}),
    followUpCount: document.state.followUpCount,
    ended: isReintegrationTerminal(document.state.status),
  } as ReintegrationSummary;
}

export function toReintegrationView(
  document: ProtocolCaseDocument<ReintegrationState>,
  options: { now?: Date; roles?: readonly Role[] } = {},
): ReintegrationView {
  const { state } = document;
  // What this end decides reaches the other country when it is the sender, or when the person consented to it.
  const sendingRight =
    state.side === 'sender'
      ? 'case.write'
      : reintegrationSharesWithSender(state, (options.now ?? new Date()).toISOString())
        ? 'case.answer'
        : undefined;
  return {
    ...toReintegrationSummary(document, options.now),
    ...protocolCaseDetailsBase(document),
    arrivedAt: state.arrivedAt,
    planDueAt: state.planDueAt,
    followUpIntervalDays: state.followUpIntervalDays,
    shareWithSender: state.shareWithSender,
    openedAt: state.openedAt,
    ...(state.plan ? { plan: state.plan } : {}),
    ...(state.implementationStartedAt ? { implementationStartedAt: state.implementationStartedAt } : {}),
    ...(state.monitoringStartedAt ? { monitoringStartedAt: state.monitoringStartedAt } : {}),
    ...(state.lastFollowUp ? { lastFollowUp: state.lastFollowUp } : {}),
    ...(state.nextFollowUpDueAt ? { nextFollowUpDueAt: state.nextFollowUpDueAt } : {}),
    ...(state.riskReview ? { riskReview: state.riskReview } : {}),
    ...(state.closure ? { closure: state.closure } : {}),
    ...(state.reReferral ? { reReferral: state.reReferral } : {}),
    allowedSteps: reintegrationStepsFor(allowedReintegrationCommands(state, state.side), options.roles, sendingRight),
  } as ReintegrationView;
}
