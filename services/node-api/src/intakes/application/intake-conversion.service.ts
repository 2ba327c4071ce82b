import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ContractViolation, type Violation } from '@enlace/contracts';
import { apiRequestValidator } from '../../common/validation/api-request.validator';
import type { CreateReferralRequest } from '../../referrals/dto/create-referral.request';
import { ReferralCase, ReferralsService } from '../../referrals/application/referrals.service';
import { ReturnCase, ReturnsService } from '../../returns/application/returns.service';
import type { CreateReturnRequest } from '../../returns/dto/return.requests';
import { referralRequestFromIntake, returnRequestFromIntake } from '../domain/intake-case-request';
import type { IntakeReferralRequest, IntakeReturnRequest } from '../dto/intake.requests';
import { IntakesService } from './intakes.service';
import { CaseSharesService } from '../../agencies/application/case-shares.service';
import type { IntakeDocument } from '../persistence/intake.document';
import type { CaseOrigin } from '../../cases/domain/case-origin';

/**
 * A focal point turns an intake screened as a presumed victim into the first case of a protocol: the request is made
 * of what the intake holds and what the body adds, checked against the same contract as a request typed in full, and
 * written through the protocol's own service. The case, its outgoing message, the intake's conversion and the audit
 * record commit together: an intake is never marked converted without its case, nor made into two.
 */
@Injectable()
export class IntakeConversionService {
  constructor(
    private readonly intakes: IntakesService,
    private readonly referrals: ReferralsService,
    private readonly returns: ReturnsService,
    private readonly shares: CaseSharesService,
  ) {}

  async toReferral(intakeId: string, body: IntakeReferralRequest): Promise<ReferralCase> {
    const caseId = randomUUID();
    let referral: ReferralCase | undefined;
    await this.intakes.decideOn(
      intakeId,
      (at) => ({ type: 'ConvertIntake', data: { protocol: 'referral', caseId, at } }),
      async (intake) => {
        const request = referralRequestFromIntake(intake, body);
        assertConforms('CreateReferralRequest', request, []);
        referral = await this.referrals.create(request as unknown as CreateReferralRequest, originOf(intake, caseId));
        await this.shares.copyShares(intakeId, caseId);
      },
    );
    if (!referral) throw new Error(`intake ${intakeId} was converted without its referral`);
    return referral;
  }

  async toReturn(intakeId: string, body: IntakeReturnRequest): Promise<ReturnCase> {
    const caseId = randomUUID();
    let created: ReturnCase | undefined;
    await this.intakes.decideOn(
      intakeId,
      (at) => ({ type: 'ConvertIntake', data: { protocol: 'return', caseId, at } }),
      async (intake) => {
        const { request, violations } = returnRequestFromIntake(intake, body);
        assertConforms('CreateReturnRequest', request, violations);
        created = await this.returns.request(request as unknown as CreateReturnRequest, originOf(intake, caseId));
        await this.shares.copyShares(intakeId, caseId);
      },
    );
    if (!created) throw new Error(`intake ${intakeId} was converted without its return`);
    return created;
  }
}

/**
 * The case made from an intake: its id, its link to the intake, and the intake's owning agency, so that the agency
 * that took the report keeps the case (the shares follow it too).
 */
function originOf(intake: IntakeDocument, caseId: string): CaseOrigin {
  return { id: caseId, links: { intakeId: intake.id }, ...(intake.agency ? { agency: intake.agency } : {}) };
}

/** A request made from an intake is held to the contract of one typed in full; what fails is named (422). */
function assertConforms(schema: string, request: Record<string, unknown>, known: readonly Violation[]): void {
  const violations = [...known, ...apiRequestValidator.validate(schema, request)];
  if (violations.length > 0) throw new ContractViolation(`${schema} made from the intake`, violations);
}
