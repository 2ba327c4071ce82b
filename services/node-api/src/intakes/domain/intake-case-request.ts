import type { Violation } from '@enlace/contracts';
import type { IntakeReferralRequest, IntakeReturnRequest } from '../dto/intake.requests';
import type { IntakeDocument } from '../persistence/intake.document';

/** The age under which the person is a child, for a return made from an intake that only has an approximate age. */
const ADULT_AGE = 18;

/**
 * The person of the case, from what the intake holds and what the focal point adds: the body's fields win. The
 * intake's approximate age, last known place and believed country are the node's own notes, not the case's.
 */
function personOf(intake: IntakeDocument, completion: IntakeReferralRequest['person']): Record<string, unknown> {
  const known = intake.personal.person ?? {};
  return {
    ...(known.firstName ? { firstName: known.firstName } : {}),
    ...(known.secondName ? { secondName: known.secondName } : {}),
    ...(known.gender ? { gender: known.gender } : {}),
    ...(known.nationality ? { nationality: known.nationality } : {}),
    ...completion,
  };
}

/**
 * A referral request (CreateReferralRequest's shape, to be checked against it) from an intake and what the referral
 * needs that the intake lacks: nothing is typed twice. The intake's situation becomes the reason's details unless the
 * body gives them; its consent serves unless the body gives one.
 */
export function referralRequestFromIntake(
  intake: IntakeDocument,
  body: IntakeReferralRequest,
): Record<string, unknown> {
  const consent = body.consent ?? intake.personal.consent;
  const reasonDetails = body.reasonDetails ?? intake.personal.situation;
  return {
    toCountry: body.toCountry,
    reason: body.reason,
    ...(reasonDetails ? { reasonDetails } : {}),
    servicesRequested: body.servicesRequested,
    urgency: body.urgency ?? intake.urgency,
    person: personOf(intake, body.person),
    ...(consent ? { consent } : {}),
  };
}

/**
 * A return request (CreateReturnRequest's shape) from an intake and what the return needs that the intake lacks.
 * Whether the person is a child comes from the body, else from the intake's approximate age; when neither tells, the
 * violation says so (the caller answers 422).
 */
export function returnRequestFromIntake(
  intake: IntakeDocument,
  body: IntakeReturnRequest,
): { request: Record<string, unknown>; violations: Violation[] } {
  const age = intake.personal.person?.approximateAge;
  const isChild = body.isChild ?? (age === undefined ? undefined : age < ADULT_AGE);
  const consent = body.consent ?? intake.personal.consent;
  const request = {
    toCountry: body.toCountry,
    ...(isChild === undefined ? {} : { isChild }),
    ...(body.unaccompanied === undefined ? {} : { unaccompanied: body.unaccompanied }),
    informedDecisionRecordedAt: body.informedDecisionRecordedAt,
    person: personOf(intake, body.person),
    ...(consent ? { consent } : {}),
  };
  const violations =
    isChild === undefined
      ? [{ path: '/isChild', message: 'must be given: the intake holds no approximate age to tell a child' }]
      : [];
  return { request, violations };
}
