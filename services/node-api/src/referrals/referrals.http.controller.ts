import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RequireRoles } from '../auth/roles.decorator';
import { CaseRights } from '@enlace/auth';
import { ContractBodyPipe } from '../common/validation/contract-body.pipe';
import { ContractParameterPipe } from '../common/validation/contract-parameter.pipe';
import { ReferralsService } from './application/referrals.service';
import { AcceptReferralRequest } from './dto/accept-referral.request';
import { CreateReferralRequest } from './dto/create-referral.request';
import { DeclineReferralRequest } from './dto/decline-referral.request';
import { ReferralSummary, ReferralView, toReferralSummary, toReferralView } from './dto/referral.view';
import { ReferralDirection } from './persistence/referral-case.document';

const referralId = new ContractParameterPipe('#/components/parameters/ReferralId/schema', 'id');

@Controller('referrals')
export class ReferralsHttpController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post()
  @RequireRoles(...CaseRights.write)
  async create(
    @Body(new ContractBodyPipe('CreateReferralRequest')) body: CreateReferralRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReferralView> {
    const referral = await this.referrals.create(body);
    response.status(201).location(`/api/v1/referrals/${referral._id}`);
    return toReferralView(referral);
  }

  @Get()
  @RequireRoles(...CaseRights.read)
  async list(
    @Query('direction', new ContractParameterPipe('ReferralDirection', 'direction')) direction?: ReferralDirection,
    @Query('status', new ContractParameterPipe('ReferralStatus', 'status')) status?: string,
  ): Promise<{ items: ReferralSummary[] }> {
    const referrals = await this.referrals.list({
      ...(direction ? { direction } : {}),
      ...(status ? { status } : {}),
    });
    return { items: referrals.map(toReferralSummary) };
  }

  @Get(':id')
  @RequireRoles(...CaseRights.read)
  async get(@Param('id', referralId) id: string): Promise<ReferralView> {
    return toReferralView(await this.referrals.get(id));
  }

  @Post(':id/accept')
  @HttpCode(200)
  @RequireRoles(...CaseRights.answer)
  async accept(
    @Param('id', referralId) id: string,
    @Body(new ContractBodyPipe('AcceptReferralRequest')) _body: AcceptReferralRequest,
  ): Promise<ReferralView> {
    return toReferralView(await this.referrals.accept(id));
  }

  @Post(':id/decline')
  @HttpCode(200)
  @RequireRoles(...CaseRights.answer)
  async decline(
    @Param('id', referralId) id: string,
    @Body(new ContractBodyPipe('DeclineReferralRequest')) body: DeclineReferralRequest,
  ): Promise<ReferralView> {
    return toReferralView(await this.referrals.decline(id, body.reason));
  }
}
