import { ContractViolation } from '@enlace/contracts';
import { ProblemDetails, problemOf, toHttpProblem } from '@enlace/http';
import { ProtocolRuleViolation } from '@enlace/protocols';
import { isTransientStoreFailure } from '@enlace/store';
import { AuditRecordNotWrittenError } from '../../audit/audit-record-not-written.error';
import { ConcurrentCaseChangeError } from '../../cases/persistence/case-table';
import { CaseDocumentRefusal, CaseDocumentRefusalCode } from '../../documents/domain/case-document.errors';

/** Rule violations that are about what the request says (422) or what is missing (404); the rest are 409. */
const RULE_STATUS: Record<string, number> = {
  NOT_FOUND: 404,
  CONSENT_REQUIRED: 422,
  REASON_REQUIRED: 422,
  INFORMED_DECISION_REQUIRED: 422,
  CHILD_SAFEGUARD_MISSING: 422,
  ESCORT_REQUIRED: 422,
  TRAVEL_DETAILS_REQUIRED: 422,
  DUE_TIME_INVALID: 422,
  NOT_APPLICABLE: 422,
  INVALID_DATE: 422,
  INVALID_INTERVAL: 422,
  SUPPORT_REQUIRED: 422,
};

/** How each refusal of a document is answered. */
const DOCUMENT_REFUSAL: Record<CaseDocumentRefusalCode, [number, string]> = {
  CASE_NOT_FOUND: [404, 'Not Found'],
  DOCUMENT_NOT_FOUND: [404, 'Not Found'],
  CASE_ERASED: [410, 'Gone'],
  CASE_ENDED: [409, 'Conflict'],
  DOCUMENT_NOT_COMPLETE: [409, 'Conflict'],
  DOCUMENT_EMPTY: [422, 'Unprocessable Content'],
  DOCUMENT_KIND_INVALID: [422, 'Unprocessable Content'],
  DOCUMENT_TOO_LARGE: [413, 'Payload Too Large'],
  DOCUMENT_TYPE_NOT_ALLOWED: [415, 'Unsupported Media Type'],
};

/**
 * node-api's errors as the problems a client should see (the contract, the protocols' rules, its database, its audit
 * log); the rest as every API maps them (toHttpProblem). Anything a client sent maps to a 4xx; only a fault of ours
 * is a 500, and its detail stays in our logs.
 */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof ContractViolation) {
    return {
      ...problemOf(422, 'Unprocessable Content', 'The request does not match the contract.'),
      code: 'CONTRACT_VIOLATION',
      errors: error.violations.map((violation) => ({ field: violation.path, message: violation.message })),
    };
  }
  if (error instanceof ProtocolRuleViolation) {
    const status = RULE_STATUS[error.code] ?? 409;
    return {
      ...problemOf(
        status,
        status === 409 ? 'Conflict' : status === 404 ? 'Not Found' : 'Unprocessable Content',
        error.message,
      ),
      code: error.code,
    };
  }
  if (error instanceof CaseDocumentRefusal) {
    const [status, title] = DOCUMENT_REFUSAL[error.code];
    // The code is stable, for a client to say the refusal in its user's language.
    return { ...problemOf(status, title, error.message), code: error.code };
  }
  if (isTransientStoreFailure(error)) {
    // The database is away for a moment (restarting, failing over): nothing was changed, the same request may be sent again.
    return problemOf(503, 'Service Unavailable', 'The node cannot reach its database for now; try again shortly.');
  }
  if (error instanceof AuditRecordNotWrittenError) {
    // Fail closed: personal data leave only with their read in the audit log.
    return problemOf(
      503,
      'Service Unavailable',
      'The node cannot record this read in its audit log for now; nothing was served.',
    );
  }
  if (error instanceof ConcurrentCaseChangeError) {
    // Others kept changing the case while this request decided on it, every time it tried: nothing was changed.
    return problemOf(503, 'Service Unavailable', 'The case is being changed by others right now; try again shortly.');
  }
  return toHttpProblem(error);
}
