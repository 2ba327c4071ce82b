import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CaseRights } from '@enlace/auth';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { RequireRoles } from '../auth/roles.decorator';
import { ContractBodyPipe } from '../common/validation/contract-body.pipe';
import { ContractParameterPipe } from '../common/validation/contract-parameter.pipe';
import { CaseListQueryPipe } from '../common/validation/case-list-query.pipe';
import { mayShowInitials } from '../cases/dto/listed-initials';
import type { CaseListQuery } from '../cases/persistence/case-list.query';
import { CasePersonView, toCasePersonView } from '../cases/dto/case-person.view';
import { ReferralCase, ReferralsService } from './application/referrals.service';
import { AcceptReferralRequest } from './dto/accept-referral.request';
import { CloseReferralRequest } from './dto/close-referral.request';
import { CreateReferralRequest } from './dto/create-referral.request';
import { DeclineReferralRequest } from './dto/decline-referral.request';
import { ProvideInformationRequest } from './dto/provide-information.request';
import { REFERRAL_ACTIONS } from './dto/referral-actions';
import { ReferralList, ReferralView, toReferralSummary, toReferralView } from './dto/referral.view';
import { RequestInformationRequest } from './dto/request-information.request';
import { StartServiceRequest } from './dto/start-service.request';
import { WithdrawReferralRequest } from './dto/withdraw-referral.request';
import { AuditedBeforeServing } from '../audit/audited-before-serving.decorator';

const referralId = new ContractParameterPipe('#/components/parameters/ReferralId/schema', 'id');

@Controller('referrals')
export class ReferralsHttpController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post()
  @RequireRoles(...CaseRights.write)
  async create(
    @Body(new ContractBodyPipe('CreateReferralRequest')) body: CreateReferralRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReferralView> {
    const referral = await this.referrals.create(body);
    response.status(201).location(`/api/v1/referrals/${referral._id}`);
    return this.view(referral, user);
  }

  @Get()
  @RequireRoles(...CaseRights.read)
  async list(
    @Query(new CaseListQueryPipe({ direction: 'ReferralDirection', status: 'ReferralStatus', urgency: true }))
    query: CaseListQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReferralList> {
    const page = await this.referrals.list(query, { initials: mayShowInitials(user) });
    return {
      items: page.items.map(({ document, initials }) => ({
        ...toReferralSummary(document, query.now),
        ...(initials ? { initials } : {}),
      })),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  @Get(':id')
  @RequireRoles(...CaseRights.read)
  async get(@Param('id', referralId) id: string, @CurrentUser() user: AuthenticatedUser): Promise<ReferralView> {
    return this.view(await this.referrals.get(id), user);
  }

  @Get(':id/person')
  @AuditedBeforeServing()
  @RequireRoles(...CaseRights.read)
  async person(@Param('id', referralId) id: string): Promise<CasePersonView> {
    return toCasePersonView(await this.referrals.get(id));
  }

  @Post(':id/accept')
  @HttpCode(200)
  @RequireRoles(...REFERRAL_ACTIONS.accept.roles)
  async accept(
    @Param('id', referralId) id: string,
    @Body(new ContractBodyPipe('AcceptReferralRequest')) body: AcceptReferralRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReferralView> {
    return this.view(await this.referrals.accept(id, body.note), user);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @RequireRoles(...REFERRAL_ACTIONS.decline.roles)
  async decline(
    @Param('id', referralId) id: string,
    @Body(new ContractBodyPipe('DeclineReferralRequest')) body: DeclineReferralRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReferralView> {
    return this.view(await this.referrals.decline(id, body.reason), user);
  }

  @Post(':id/request-information')
  @HttpCode(200)
  @RequireRoles(...REFERRAL_ACTIONS['request-information'].roles)
  async requestInformation(
    @Param('id', referralId) id: string,
    @Body(new ContractBodyPipe('RequestInformationRequest')) body: RequestInformationRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReferralView> {
    return this.view(await this.referrals.requestInformation(id, body.question), user);
  }

  @Post(':id/provide-information')
  @HttpCode(200)
  @RequireRoles(...REFERRAL_ACTIONS['provide-information'].roles)
  async provideInformation(
    @Param('id', referralId) id: string,
    @Body(new ContractBodyPipe('ProvideInformationRequest')) body: ProvideInformationRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReferralView> {
    return this.view(await this.referrals.provideInformation(id, body.answer), user);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RequireRoles(...REFERRAL_ACTIONS.withdraw.roles)
  async withdraw(
    @Param('id', referralId) id: string,
    @Body(new ContractBodyPipe('WithdrawReferralRequest')) body: WithdrawReferralRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReferralView> {
    return this.view(await this.referrals.withdraw(id, body.reason), user);
  }

  @Post(':id/withdraw-consent')
  @HttpCode(200)
  @RequireRoles(...REFERRAL_ACTIONS['withdraw-consent'].roles)
  async withdrawConsent(
    @Param('id', referralId) id: string,
    @Body(new ContractBodyPipe('EmptyStepRequest')) _body: Record<string, never>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReferralView> {
    return this.view(await this.referrals.withdrawConsent(id), user);
  }

  @Post(':id/start-service')
  @HttpCode(200)
  @RequireRoles(...REFERRAL_ACTIONS['start-service'].roles)
  async startService(
    @Param('id', referralId) id: string,
    @Body(new ContractBodyPipe('StartServiceRequest')) _body: StartServiceRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReferralView> {
    return this.view(await this.referrals.startService(id), user);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequireRoles(...REFERRAL_ACTIONS.close.roles)
  async close(
    @Param('id', referralId) id: string,
    @Body(new ContractBodyPipe('CloseReferralRequest')) body: CloseReferralRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReferralView> {
    return this.view(await this.referrals.close(id, body.outcome, body.reason), user);
  }

  private view(referral: ReferralCase, user: AuthenticatedUser | undefined): ReferralView {
    return toReferralView(referral, user ? { roles: user.roles } : {});
  }
}
