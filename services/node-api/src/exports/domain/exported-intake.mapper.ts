import type { IntakeDocument } from '../../intakes/persistence/intake.document';
import type { ExportedCase, HtcdsCaseStatus } from './exported-case';

/**
 * An intake as a row of the export: no direction or countries (it never leaves this node), the person as the
 * report named them; HTCDS reads a report not yet screened, or waiting on information, as active, one found not to
 * be a case as closed, and one that became a referral or a return as closed because referred on.
 */
export function exportedIntake(document: IntakeDocument): ExportedCase {
  const { state, personal } = document;
  const person = personal.person;
  return {
    protocol: 'intake',
    id: document.id,
    status: state.status,
    htcdsStatus: HTCDS_STATUS_OF_INTAKE[state.status],
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    ...(person?.firstName
      ? {
          person: {
            firstName: person.firstName,
            ...(person.secondName ? { secondName: person.secondName } : {}),
            ...(person.gender ? { gender: person.gender } : {}),
            ...(person.nationality ? { nationality: person.nationality } : {}),
          },
        }
      : {}),
    ...(personal.consent ? { consent: personal.consent } : {}),
    ...(state.erasedAt ? { erasedAt: state.erasedAt } : {}),
    ...(state.status === 'not-a-case' && state.screening?.reason ? { closureReason: state.screening.reason } : {}),
  };
}

const HTCDS_STATUS_OF_INTAKE: Record<IntakeDocument['state']['status'], HtcdsCaseStatus> = {
  recorded: 'Active',
  'needs-information': 'Active',
  'presumed-victim': 'Active',
  'not-a-case': 'Closed',
  converted: 'ClosedReferred',
  // merged into an existing referral or return: the report lives on in that case, as a converted one does
  merged: 'ClosedReferred',
};
