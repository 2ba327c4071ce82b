import { HttpException } from '@nestjs/common';
import { ContractViolation } from '@enlace/contracts';
import { ProtocolRuleViolation } from '@enlace/protocols';
import { isTransientStoreFailure } from '@enlace/store';
import { AuditRecordNotWrittenError } from '../../audit/audit-record-not-written.error';
import { ConcurrentCaseChangeError } from '../../cases/persistence/case-table';
import { ProblemDetails, problemType } from '@enlace/http';
import { ProblemException } from './problem.exception';

interface BodyParserError {
  type?: string;
  status?: number;
}

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

function problem(status: number, title: string, detail?: string): ProblemDetails {
  return { type: problemType(status), title, status, ...(detail ? { detail } : {}) };
}

/**
 * Turns whatever was thrown into the problem a client should see. Anything a client sent maps to a 4xx; only a
 * fault of ours is a 500, and its detail stays in our logs.
 */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof ContractViolation) {
    return {
      ...problem(422, 'Unprocessable Content', 'The request does not match the contract.'),
      errors: error.violations.map((violation) => ({ field: violation.path, message: violation.message })),
    };
  }
  if (error instanceof ProtocolRuleViolation) {
    const status = RULE_STATUS[error.code] ?? 409;
    return problem(
      status,
      status === 409 ? 'Conflict' : status === 404 ? 'Not Found' : 'Unprocessable Content',
      error.message,
    );
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return problem(status, error.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'), error.message);
  }
  const parserError = error as BodyParserError;
  if (parserError && typeof parserError === 'object') {
    if (parserError.type === 'entity.too.large')
      return problem(413, 'Payload Too Large', 'The request body is too large.');
    if (parserError.type === 'entity.parse.failed')
      return problem(400, 'Bad Request', 'The request body is not valid JSON.');
    if (parserError.type === 'encoding.unsupported' || parserError.type === 'charset.unsupported') {
      return problem(415, 'Unsupported Media Type', 'The request body encoding is not supported.');
    }
    if (typeof parserError.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      return problem(parserError.status, 'Bad Request', 'The request could not be read.');
    }
  }
  if (isTransientStoreFailure(error)) {
    // The database is away for a moment (restarting, failing over): nothing was changed, the same request may be sent again.
    return problem(503, 'Service Unavailable', 'The node cannot reach its database for now; try again shortly.');
  }
  if (error instanceof AuditRecordNotWrittenError) {
    // Fail closed: personal data leave only with their read in the audit log.
    return problem(
      503,
      'Service Unavailable',
      'The node cannot record this read in its audit log for now; nothing was served.',
    );
  }
  if (error instanceof ConcurrentCaseChangeError) {
    // Others kept changing the case while this request decided on it, every time it tried: nothing was changed.
    return problem(503, 'Service Unavailable', 'The case is being changed by others right now; try again shortly.');
  }
  return problem(500, 'Internal Server Error', 'Something went wrong on our side; it has been logged.');
}

/** Seconds a client should wait before sending a request that failed with 503 again. */
export const RETRY_AFTER_SECONDS = 5;
