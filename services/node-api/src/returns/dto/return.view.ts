import type { Role } from '@enlace/auth';
import { ReturnState, allowedReturnCommands, isReturnTerminal, missingChildSafeguards } from '@enlace/protocols';
import { protocolCaseDetailsBase, protocolCaseSummaryBase } from '../../cases/dto/protocol-case.view';
import type { ProtocolCaseDocument } from '../../cases/persistence/protocol-case.document';
import { returnStepsFor } from './return-steps';
import type { ReturnSummary, ReturnView } from './return.requests';

export function toReturnSummary(document: ProtocolCaseDocument<ReturnState>, now: Date = new Date()): ReturnSummary {
  return {
    ...protocolCaseSummaryBase(document, now),
    isChild: document.state.isChild,
    unaccompanied: document.state.unaccompanied,
    ended: isReturnTerminal(document.state.status),
  } as ReturnSummary;
}

/** The whole return for a user of this node, with the steps this user may take now. */
export function toReturnView(
  document: ProtocolCaseDocument<ReturnState>,
  options: { now?: Date; roles?: readonly Role[] } = {},
): ReturnView {
  const { state } = document;
  return {
    ...toReturnSummary(document, options.now),
    ...protocolCaseDetailsBase(document),
    informedDecisionRecordedAt: state.informedDecisionRecordedAt,
    requestedAt: state.requestedAt,
    ...(state.deliveredAt ? { deliveredAt: state.deliveredAt } : {}),
    ...(state.nationality ? { nationality: state.nationality } : {}),
    ...(state.riskAssessment ? { riskAssessment: state.riskAssessment } : {}),
    ...(state.guardianAppointedAt ? { guardianAppointedAt: state.guardianAppointedAt } : {}),
    ...(state.bestInterests ? { bestInterests: state.bestInterests } : {}),
    ...(state.familyAssessment ? { familyAssessment: state.familyAssessment } : {}),
    ...(state.isChild ? { missingSafeguards: missingChildSafeguards(state) } : {}),
    ...(state.barredBy ? { barredBy: state.barredBy } : {}),
    ...(state.receptionPlanProposedAt ? { receptionPlanProposedAt: state.receptionPlanProposedAt } : {}),
    ...(state.receptionPlanConfirmedAt ? { receptionPlanConfirmedAt: state.receptionPlanConfirmedAt } : {}),
    ...(state.travelDocumentsIssuedAt ? { travelDocumentsIssuedAt: state.travelDocumentsIssuedAt } : {}),
    ...(state.travel ? { travel: state.travel } : {}),
    ...(state.departedAt ? { departedAt: state.departedAt } : {}),
    ...(state.arrivedAt ? { arrivedAt: state.arrivedAt } : {}),
    ...(state.handedOverAt ? { handedOverAt: state.handedOverAt } : {}),
    ...(state.suspension ? { suspension: state.suspension } : {}),
    ...(state.cancellationReason ? { cancellationReason: state.cancellationReason } : {}),
    allowedSteps: returnStepsFor(allowedReturnCommands(state, state.side), options.roles),
  } as ReturnView;
}
