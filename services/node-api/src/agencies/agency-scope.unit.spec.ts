import type { Role } from '@enlace/auth';
import { ProblemException } from '@enlace/http';
import { RequestAuditContext, RequestInFlight } from '../audit/request-audit.context';
import type { NodeApiConfig } from '../config/node-api.config';
import { AgencyScope } from './agency-scope';

const config = { agencies: ['co-police', 'co-shelter'], gatewayAgency: 'co-police' } as unknown as NodeApiConfig;

/** Runs `work` as the handler of a request by a user of `agency` with `roles`. */
function asCaller<T>(requests: RequestAuditContext, roles: Role[], agency: string | undefined, work: () => T): T {
  const user = { username: 'co.user', country: 'CO', roles, ...(agency ? { agency } : {}) };
  const inFlight = { request: { user }, success: 200, at: new Date().toISOString() } as unknown as RequestInFlight;
  return requests.run(inFlight, work);
}

const refusal = (work: () => void): number | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    if (error instanceof ProblemException) return error.problem.status;
    throw error;
  }
};

describe(AgencyScope, () => {
  const requests = new RequestAuditContext();
  const scope = new AgencyScope(requests, config);

  describe('assertMaySendAcrossBorder', () => {
    it('should let the node’s own work send (a message applied, an expiry): no request, no caller', () => {
      expect(refusal(() => scope.assertMaySendAcrossBorder('case.answer'))).toBeUndefined();
    });

    it('should let a focal point of the gateway agency send, with or without the agency in the token', () => {
      for (const agency of ['co-police', undefined]) {
        expect(
          refusal(() =>
            asCaller(requests, ['focal-point'], agency, () => scope.assertMaySendAcrossBorder('case.write')),
          ),
        ).toBeUndefined();
      }
    });

    it.each<Role>(['supervisor', 'case-worker', 'auditor', 'hotline'])(
      'should refuse a %s of the gateway agency: only a focal point speaks for the country',
      (role) => {
        expect(
          refusal(() => asCaller(requests, [role], 'co-police', () => scope.assertMaySendAcrossBorder('case.answer'))),
        ).toBe(403);
      },
    );

    it('should refuse a focal point of another agency of the node', () => {
      expect(
        refusal(() =>
          asCaller(requests, ['focal-point'], 'co-shelter', () => scope.assertMaySendAcrossBorder('case.write')),
        ),
      ).toBe(403);
    });
  });
});
