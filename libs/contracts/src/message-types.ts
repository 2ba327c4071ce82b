import { ContractViolation } from './contract-violation.error';
import type {
  ReceiptDeliveredV1,
  ReferralAcceptedV1,
  ReferralClosedV1,
  ReferralDeclinedV1,
  ReferralExpiredV1,
  ReferralInformationProvidedV1,
  ReferralInformationRequestedV1,
  ReferralRequestedV1,
  ReferralServiceStartedV1,
  ReferralWithdrawnV1,
  ReferralConsentWithdrawnV1,
  ReturnRequestedV1,
  ReturnNationalityVerifiedV1,
  ReturnRiskAssessedV1,
  ReturnGuardianAppointedV1,
  ReturnBestInterestsDeterminedV1,
  ReturnFamilyAssessedV1,
  ReturnReceptionPlanProposedV1,
  ReturnReceptionPlanConfirmedV1,
  ReturnReceptionPlanRejectedV1,
  ReturnTravelDocumentsIssuedV1,
  ReturnTravelScheduledV1,
  ReturnDepartureRecordedV1,
  ReturnNoShowRecordedV1,
  ReturnArrivalRecordedV1,
  ReturnHandedOverV1,
  ReturnSuspendedV1,
  ReturnResumedV1,
  ReturnCancelledByPersonV1,
  ReturnConsentWithdrawnV1,
  ReintegrationOpenedV1,
  ReintegrationPlanAgreedV1,
  ReintegrationImplementationStartedV1,
  ReintegrationMonitoringStartedV1,
  ReintegrationFollowUpReportedV1,
  ReintegrationRiskReviewResolvedV1,
  ReintegrationClosedV1,
  ReintegrationReReferredV1,
  ReintegrationConsentWithdrawnV1,
  ConsentErasureConfirmedV1,
  DocumentChunkV1,
} from './generated/messages.generated';

/** Every message type that travels sealed inside an envelope, with the $id of its payload schema. */
export const MESSAGE_TYPES = {
  'receipt.delivered.v1': 'urn:enlace:message:receipt.delivered.v1',
  'referral.requested.v1': 'urn:enlace:message:referral.requested.v1',
  'referral.accepted.v1': 'urn:enlace:message:referral.accepted.v1',
  'referral.declined.v1': 'urn:enlace:message:referral.declined.v1',
  'referral.information-requested.v1': 'urn:enlace:message:referral.information-requested.v1',
  'referral.information-provided.v1': 'urn:enlace:message:referral.information-provided.v1',
  'referral.withdrawn.v1': 'urn:enlace:message:referral.withdrawn.v1',
  'referral.consent-withdrawn.v1': 'urn:enlace:message:referral.consent-withdrawn.v1',
  'referral.service-started.v1': 'urn:enlace:message:referral.service-started.v1',
  'referral.closed.v1': 'urn:enlace:message:referral.closed.v1',
  'referral.expired.v1': 'urn:enlace:message:referral.expired.v1',
  'return.requested.v1': 'urn:enlace:message:return.requested.v1',
  'return.nationality-verified.v1': 'urn:enlace:message:return.nationality-verified.v1',
  'return.risk-assessed.v1': 'urn:enlace:message:return.risk-assessed.v1',
  'return.guardian-appointed.v1': 'urn:enlace:message:return.guardian-appointed.v1',
  'return.best-interests-determined.v1': 'urn:enlace:message:return.best-interests-determined.v1',
  'return.family-assessed.v1': 'urn:enlace:message:return.family-assessed.v1',
  'return.reception-plan-proposed.v1': 'urn:enlace:message:return.reception-plan-proposed.v1',
  'return.reception-plan-confirmed.v1': 'urn:enlace:message:return.reception-plan-confirmed.v1',
  'return.reception-plan-rejected.v1': 'urn:enlace:message:return.reception-plan-rejected.v1',
  'return.travel-documents-issued.v1': 'urn:enlace:message:return.travel-documents-issued.v1',
  'return.travel-scheduled.v1': 'urn:enlace:message:return.travel-scheduled.v1',
  'return.departure-recorded.v1': 'urn:enlace:message:return.departure-recorded.v1',
  'return.no-show-recorded.v1': 'urn:enlace:message:return.no-show-recorded.v1',
  'return.arrival-recorded.v1': 'urn:enlace:message:return.arrival-recorded.v1',
  'return.handed-over.v1': 'urn:enlace:message:return.handed-over.v1',
  'return.suspended.v1': 'urn:enlace:message:return.suspended.v1',
  'return.resumed.v1': 'urn:enlace:message:return.resumed.v1',
  'return.cancelled-by-person.v1': 'urn:enlace:message:return.cancelled-by-person.v1',
  'return.consent-withdrawn.v1': 'urn:enlace:message:return.consent-withdrawn.v1',
  'reintegration.opened.v1': 'urn:enlace:message:reintegration.opened.v1',
  'reintegration.plan-agreed.v1': 'urn:enlace:message:reintegration.plan-agreed.v1',
  'reintegration.implementation-started.v1': 'urn:enlace:message:reintegration.implementation-started.v1',
  'reintegration.monitoring-started.v1': 'urn:enlace:message:reintegration.monitoring-started.v1',
  'reintegration.follow-up-reported.v1': 'urn:enlace:message:reintegration.follow-up-reported.v1',
  'reintegration.risk-review-resolved.v1': 'urn:enlace:message:reintegration.risk-review-resolved.v1',
  'reintegration.closed.v1': 'urn:enlace:message:reintegration.closed.v1',
  'reintegration.re-referred.v1': 'urn:enlace:message:reintegration.re-referred.v1',
  'reintegration.consent-withdrawn.v1': 'urn:enlace:message:reintegration.consent-withdrawn.v1',
  'consent.erasure-confirmed.v1': 'urn:enlace:message:consent.erasure-confirmed.v1',
  'document.chunk.v1': 'urn:enlace:message:document.chunk.v1',
} as const;

export type MessageType = keyof typeof MESSAGE_TYPES;

/** The delivery receipt: proof of reception, separate from any business answer. */
export const RECEIPT_TYPE = 'receipt.delivered.v1' satisfies MessageType;

export type MessageSchemaId = (typeof MESSAGE_TYPES)[MessageType];

/** The payload type of each message type. */
export interface MessagePayloads {
  'receipt.delivered.v1': ReceiptDeliveredV1;
  'referral.requested.v1': ReferralRequestedV1;
  'referral.accepted.v1': ReferralAcceptedV1;
  'referral.declined.v1': ReferralDeclinedV1;
  'referral.information-requested.v1': ReferralInformationRequestedV1;
  'referral.information-provided.v1': ReferralInformationProvidedV1;
  'referral.withdrawn.v1': ReferralWithdrawnV1;
  'referral.consent-withdrawn.v1': ReferralConsentWithdrawnV1;
  'referral.service-started.v1': ReferralServiceStartedV1;
  'referral.closed.v1': ReferralClosedV1;
  'referral.expired.v1': ReferralExpiredV1;
  'return.requested.v1': ReturnRequestedV1;
  'return.nationality-verified.v1': ReturnNationalityVerifiedV1;
  'return.risk-assessed.v1': ReturnRiskAssessedV1;
  'return.guardian-appointed.v1': ReturnGuardianAppointedV1;
  'return.best-interests-determined.v1': ReturnBestInterestsDeterminedV1;
  'return.family-assessed.v1': ReturnFamilyAssessedV1;
  'return.reception-plan-proposed.v1': ReturnReceptionPlanProposedV1;
  'return.reception-plan-confirmed.v1': ReturnReceptionPlanConfirmedV1;
  'return.reception-plan-rejected.v1': ReturnReceptionPlanRejectedV1;
  'return.travel-documents-issued.v1': ReturnTravelDocumentsIssuedV1;
  'return.travel-scheduled.v1': ReturnTravelScheduledV1;
  'return.departure-recorded.v1': ReturnDepartureRecordedV1;
  'return.no-show-recorded.v1': ReturnNoShowRecordedV1;
  'return.arrival-recorded.v1': ReturnArrivalRecordedV1;
  'return.handed-over.v1': ReturnHandedOverV1;
  'return.suspended.v1': ReturnSuspendedV1;
  'return.resumed.v1': ReturnResumedV1;
  'return.cancelled-by-person.v1': ReturnCancelledByPersonV1;
  'return.consent-withdrawn.v1': ReturnConsentWithdrawnV1;
  'reintegration.opened.v1': ReintegrationOpenedV1;
  'reintegration.plan-agreed.v1': ReintegrationPlanAgreedV1;
  'reintegration.implementation-started.v1': ReintegrationImplementationStartedV1;
  'reintegration.monitoring-started.v1': ReintegrationMonitoringStartedV1;
  'reintegration.follow-up-reported.v1': ReintegrationFollowUpReportedV1;
  'reintegration.risk-review-resolved.v1': ReintegrationRiskReviewResolvedV1;
  'reintegration.closed.v1': ReintegrationClosedV1;
  'reintegration.re-referred.v1': ReintegrationReReferredV1;
  'reintegration.consent-withdrawn.v1': ReintegrationConsentWithdrawnV1;
  'consent.erasure-confirmed.v1': ConsentErasureConfirmedV1;
  'document.chunk.v1': DocumentChunkV1;
}

/** The payload of a message type known at compile time; unknown for a type only known at run time. */
export type PayloadOf<T extends string> = T extends MessageType ? MessagePayloads[T] : unknown;

export function isMessageType(type: string): type is MessageType {
  return Object.prototype.hasOwnProperty.call(MESSAGE_TYPES, type);
}

/** The $id of a message type's payload schema, for the envelope header's `schema`. */
export function messageSchemaId(type: string): MessageSchemaId {
  if (!isMessageType(type)) {
    throw new ContractViolation('message type', [{ path: '', message: 'is not a known message type' }]);
  }
  return MESSAGE_TYPES[type];
}
