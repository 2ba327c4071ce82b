import type { NodeApiSchemas } from '@enlace/contracts';
import { ProblemException } from '@enlace/http';
import type { ConsentRecord, ReferredPerson } from '../domain/case-content';
import type { CaseErasure } from '../persistence/protocol-case.document';

export type CasePersonView = NodeApiSchemas['CasePersonView'];

/** What any case (referral, return, reintegration) holds of the person, as it was read and opened. */
interface CaseWithPerson {
  readonly _id: string;
  readonly person?: ReferredPerson;
  readonly consent?: ConsentRecord;
  readonly erasure?: CaseErasure;
}

/**
 * The person's data of a case. Once they were erased (consent withdrawn, the case's key destroyed) the answer is
 * 410 Gone: the case is still there, its person's data are not, and never will be again.
 */
export function toCasePersonView(document: CaseWithPerson): CasePersonView {
  if (document.erasure) {
    throw new ProblemException({
      status: 410,
      title: 'Gone',
      detail: `The person's data of case ${document._id} were erased on ${document.erasure.erasedAt} after consent was withdrawn.`,
    });
  }
  return {
    caseId: document._id,
    ...(document.person ? { person: document.person as CasePersonView['person'] } : {}),
    ...(document.consent ? { consent: document.consent as CasePersonView['consent'] } : {}),
  };
}
