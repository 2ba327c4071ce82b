import { randomUUID } from 'node:crypto';
import { ForbiddenException, HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ContractViolation, MessageValidator } from '@enlace/contracts';
import {
  ReferralCommand,
  ReferralConsent,
  ReferralEvent,
  ReferralRuleViolation,
  ReferralSide,
  ReferralState,
  decideReferral,
  evolveReferral,
} from '@enlace/protocols';
import { ProblemException } from '@enlace/http';
import { toProblem } from './problem-mapping';
import { AuditRecordNotWrittenError } from '../../audit/audit-record-not-written.error';
import { ConcurrentCaseChangeError } from '../../cases/persistence/case-table';
import { CaseDocumentRefusal, type CaseDocumentRefusalCode } from '../../documents/domain/case-document.errors';

const AT = '2025-03-14T09:30:00.000Z';
const LATER = '2025-03-15T09:30:00.000Z';
const DUE = '2025-03-21T09:30:00.000Z';
const CONSENT: ReferralConsent = { purpose: 'Referral for assistance', recordedAt: '2025-03-13T16:00:00.000Z' };

const evolveAll = (state: ReferralState | undefined, events: readonly ReferralEvent[]): ReferralState | undefined =>
  events.reduce<ReferralState | undefined>(evolveReferral, state);

function decideAll(
  state: ReferralState | undefined,
  commands: readonly [ReferralCommand, ReferralSide][],
): ReferralState | undefined {
  return commands.reduce(
    (current, [command, side]) => evolveAll(current, decideReferral(current, command, side)),
    state,
  );
}

/** The receiver's replica of a referral that reached it, as node-api builds it from referral.requested.v1. */
function receivedReferral(): ReferralState | undefined {
  const receive: ReferralCommand = {
    type: 'ReceiveReferral',
    data: { referralId: randomUUID(), fromCountry: 'CO', toCountry: 'EC', answerDueAt: DUE, at: AT },
  };
  return decideAll(undefined, [[receive, 'receiver']]);
}

/** Runs a decision the protocol must refuse and hands back the refusal it really throws. */
function refusalOf(decision: () => unknown): ReferralRuleViolation {
  try {
    decision();
  } catch (error) {
    if (error instanceof ReferralRuleViolation) return error;
    throw error;
  }
  throw new Error('the protocol accepted a decision it should refuse');
}

describe('toProblem', () => {
  describe('with a ProblemException', () => {
    it('should pass the problem through unchanged', () => {
      const exception = new ProblemException({
        status: 422,
        title: 'Unprocessable Content',
        detail: 'A referral goes to another country.',
        errors: [{ field: '/toCountry', message: 'must differ from this node’s country' }],
      });

      expect(toProblem(exception)).toBe(exception.problem);
      expect(toProblem(exception)).toEqual({
        type: 'urn:enlace:problem:unprocessable-content',
        title: 'Unprocessable Content',
        status: 422,
        detail: 'A referral goes to another country.',
        errors: [{ field: '/toCountry', message: 'must differ from this node’s country' }],
      });
    });
  });

  describe('with a ContractViolation', () => {
    it('should answer 422 naming every failing path without echoing the values', () => {
      const value = 'not-a-uuid-value-7731';
      const validator: MessageValidator = new MessageValidator();
      let violation: unknown;
      try {
        validator.assertPayload('referral.accepted.v1', { referralId: value });
      } catch (error) {
        violation = error;
      }
      expect(violation).toBeInstanceOf(ContractViolation);

      const problem = toProblem(violation);

      expect(problem.status).toBe(422);
      expect(problem.type).toBe('urn:enlace:problem:unprocessable-content');
      expect(problem.code).toBe('CONTRACT_VIOLATION');
      expect(problem.errors?.map((error) => error.field).sort()).toEqual(['/acceptedAt', '/referralId']);
      expect(JSON.stringify(problem)).not.toContain(value);
    });

    it('should keep each violation’s rule as the error message', () => {
      const problem = toProblem(new ContractViolation('payload', [{ path: '/person/gender', message: 'is invalid' }]));

      expect(problem.errors).toEqual([{ field: '/person/gender', message: 'is invalid' }]);
    });
  });

  describe('with a ReferralRuleViolation', () => {
    it('should answer 409 for a transition the status does not allow', () => {
      const declined = decideAll(receivedReferral(), [
        [{ type: 'DeclineReferral', data: { reason: 'No capacity', at: LATER } }, 'receiver'],
      ]);
      const violation = refusalOf(() =>
        decideReferral(declined, { type: 'AcceptReferral', data: { at: LATER } }, 'receiver'),
      );
      expect(violation.code).toBe('TRANSITION_NOT_ALLOWED');

      const problem = toProblem(violation);

      expect(problem).toMatchObject({ status: 409, title: 'Conflict', type: 'urn:enlace:problem:conflict' });
      expect(problem.detail).toBe(violation.message);
      // the rule's stable code, which the console says in its user's language
      expect(problem.code).toBe('TRANSITION_NOT_ALLOWED');
    });

    it('should answer 409 for a command issued by the wrong side', () => {
      const violation = refusalOf(() =>
        decideReferral(receivedReferral(), { type: 'WithdrawReferral', data: { reason: 'x', at: LATER } }, 'receiver'),
      );
      expect(violation.code).toBe('WRONG_SIDE');

      expect(toProblem(violation)).toMatchObject({ status: 409, title: 'Conflict', code: 'WRONG_SIDE' });
    });

    it('should answer 404 when this end holds no such referral', () => {
      const violation = refusalOf(() =>
        decideReferral(undefined, { type: 'AcceptReferral', data: { at: AT } }, 'receiver'),
      );
      expect(violation.code).toBe('NOT_FOUND');

      expect(toProblem(violation)).toMatchObject({
        status: 404,
        title: 'Not Found',
        type: 'urn:enlace:problem:not-found',
      });
    });

    it('should answer 422 when the consent does not cover the receiving country', () => {
      const draft = decideAll(undefined, [
        [
          {
            type: 'DraftReferral',
            data: {
              referralId: randomUUID(),
              fromCountry: 'CO',
              toCountry: 'EC',
              consent: { ...CONSENT, recipients: ['PE'] },
              at: AT,
            },
          },
          'sender',
        ],
      ]);
      const violation = refusalOf(() =>
        decideReferral(draft, { type: 'SendReferral', data: { answerDueAt: DUE, at: AT } }, 'sender'),
      );
      expect(violation.code).toBe('CONSENT_REQUIRED');

      expect(toProblem(violation)).toMatchObject({
        status: 422,
        title: 'Unprocessable Content',
        type: 'urn:enlace:problem:unprocessable-content',
      });
    });

    it('should answer 422 when a decline carries no reason', () => {
      const violation = refusalOf(() =>
        decideReferral(receivedReferral(), { type: 'DeclineReferral', data: { reason: '   ', at: LATER } }, 'receiver'),
      );
      expect(violation.code).toBe('REASON_REQUIRED');

      expect(toProblem(violation)).toMatchObject({ status: 422, title: 'Unprocessable Content' });
    });
  });

  describe('with a CaseDocumentRefusal', () => {
    it.each<[CaseDocumentRefusalCode, number]>([
      ['DOCUMENT_TOO_LARGE', 413],
      ['DOCUMENT_TYPE_NOT_ALLOWED', 415],
      ['CASE_ENDED', 409],
      ['CASE_ERASED', 410],
    ])('should answer %s with %i and the code itself, for a client to translate', (code, status) => {
      const problem = toProblem(new CaseDocumentRefusal(code, 'Refused.'));

      expect([problem.status, problem.code, problem.detail]).toEqual([status, code, 'Refused.']);
    });
  });

  describe('with a Nest HttpException', () => {
    it('should keep the status of a built-in exception and title it from its name', () => {
      expect(toProblem(new NotFoundException('Cannot GET /api/v1/nowhere'))).toEqual({
        type: 'urn:enlace:problem:not-found',
        title: 'Not Found',
        status: 404,
        detail: 'Cannot GET /api/v1/nowhere',
      });
      expect(toProblem(new ForbiddenException())).toMatchObject({ status: 403, title: 'Forbidden' });
      expect(toProblem(new PayloadTooLargeException())).toMatchObject({ status: 413, title: 'Payload Too Large' });
    });

    it('should keep a status that has no problem type of its own', () => {
      const problem = toProblem(new HttpException('I am a teapot', 418));

      expect(problem.status).toBe(418);
      expect(problem.type).toBe('urn:enlace:problem:error');
    });
  });

  describe('with a body-parser error', () => {
    it('should answer 413 for a body over the limit', () => {
      const error = Object.assign(new Error('request entity too large'), {
        type: 'entity.too.large',
        status: 413,
        expose: true,
      });

      expect(toProblem(error)).toEqual({
        type: 'urn:enlace:problem:payload-too-large',
        title: 'Payload Too Large',
        status: 413,
        detail: 'The request body is too large.',
      });
    });

    it('should answer 400 for a body that is not JSON, without quoting the body', () => {
      const body = '{"person": {"firstName": "Ana-marker-5521"';
      const error = Object.assign(new SyntaxError(`Unexpected end of JSON input: ${body}`), {
        type: 'entity.parse.failed',
        status: 400,
        body,
      });

      const problem = toProblem(error);

      expect(problem).toMatchObject({ status: 400, title: 'Bad Request', type: 'urn:enlace:problem:bad-request' });
      expect(JSON.stringify(problem)).not.toContain('Ana-marker-5521');
    });

    it('should answer 415 for a charset the parser cannot read', () => {
      expect(toProblem({ type: 'charset.unsupported', status: 415 })).toMatchObject({ status: 415 });
    });
  });

  describe('with the database away', () => {
    it.each([
      [
        'a refused connection',
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:15432'), { code: 'ECONNREFUSED' }),
      ],
      [
        'a server shutting down',
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ],
      ['a connection lost', new Error('Connection terminated unexpectedly (127.0.0.1:15432)')],
      ['too many connections', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ])('should answer 503, saying nothing of the cause, for %s', (_name, thrown) => {
      const problem = toProblem(thrown);

      expect(problem).toMatchObject({ status: 503, type: 'urn:enlace:problem:service-unavailable' });
      expect(JSON.stringify(problem)).not.toContain('127.0.0.1');
    });

    it('should answer 503 when others kept changing the case at every attempt', () => {
      expect(toProblem(new ConcurrentCaseChangeError('a-case'))).toMatchObject({
        status: 503,
        type: 'urn:enlace:problem:service-unavailable',
      });
    });

    it('should answer 503 when a read of personal data could not be recorded, and say nothing was served', () => {
      const problem = toProblem(new AuditRecordNotWrittenError(new Error('connection refused')));

      expect(problem).toMatchObject({ status: 503, type: 'urn:enlace:problem:service-unavailable' });
      expect(problem.detail).toContain('nothing was served');
    });

    it('should answer 500 for a server error that answers the command itself', () => {
      const duplicate = Object.assign(new Error('duplicate key value violates unique constraint "cases_pkey"'), {
        code: '23505',
      });
      expect(toProblem(duplicate).status).toBe(500);
    });
  });

  describe('with anything else', () => {
    it('should answer 500 with a generic detail that does not leak the error message', () => {
      const problem = toProblem(new Error('lookup failed for Ana Rojas, born 1999-04-02'));

      expect(problem).toEqual({
        type: 'urn:enlace:problem:internal-error',
        title: 'Internal Server Error',
        status: 500,
        detail: 'Something went wrong on our side; it has been logged.',
      });
      expect(JSON.stringify(problem)).not.toContain('Ana');
    });

    it.each([
      ['a string', 'boom'],
      ['undefined', undefined],
      ['null', null],
      ['an object with a server status', { status: 503, message: 'database away' }],
    ])('should answer 500 for %s', (_name, thrown) => {
      const problem = toProblem(thrown);

      expect(problem.status).toBe(500);
      expect(JSON.stringify(problem)).not.toContain('database away');
    });
  });
});
