import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IntakeRights } from '@enlace/auth';
import { AuditedBeforeServing } from '../audit/audited-before-serving.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { RequireRoles } from '../auth/roles.decorator';
import { ContractBodyPipe } from '../common/validation/contract-body.pipe';
import { ContractParameterPipe } from '../common/validation/contract-parameter.pipe';
import { ReferralView, toReferralView } from '../referrals/dto/referral.view';
import type { ReturnView } from '../returns/dto/return.requests';
import { toReturnView } from '../returns/dto/return.view';
import { IntakeConversionService } from './application/intake-conversion.service';
import { IntakesService } from './application/intakes.service';
import type {
  IntakeReferralRequest,
  IntakeReturnRequest,
  IntakeSummary,
  IntakeView,
  MergeIntakeRequest,
  RecordIntakeRequest,
  ScreenIntakeRequest,
} from './dto/intake.requests';
import { toIntakeSummary, toIntakeView } from './dto/intake.view';

const intakeId = new ContractParameterPipe('#/components/parameters/IntakeId/schema', 'id');

@Controller('intakes')
export class IntakesHttpController {
  constructor(
    private readonly intakes: IntakesService,
    private readonly conversion: IntakeConversionService,
  ) {}

  @Post()
  @RequireRoles(...IntakeRights.record)
  async record(
    @Body(new ContractBodyPipe('RecordIntakeRequest')) body: RecordIntakeRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IntakeView> {
    const recorded = await this.intakes.record(body);
    response.status(201).location(`/api/v1/intakes/${recorded.id}`);
    return toIntakeView(recorded, user.roles);
  }

  @Get()
  @RequireRoles(...IntakeRights.read)
  async list(
    @Query('status', new ContractParameterPipe('IntakeStatus', 'status')) status?: string,
  ): Promise<{ items: IntakeSummary[] }> {
    const found = await this.intakes.list(status ? { status } : {});
    return { items: found.map(toIntakeSummary) };
  }

  @Get(':id')
  @AuditedBeforeServing()
  @RequireRoles(...IntakeRights.read)
  async get(@Param('id', intakeId) id: string, @CurrentUser() user: AuthenticatedUser): Promise<IntakeView> {
    return toIntakeView(await this.intakes.get(id), user.roles);
  }

  @Post(':id/screen')
  @HttpCode(200)
  @RequireRoles(...IntakeRights.screen)
  async screen(
    @Param('id', intakeId) id: string,
    @Body(new ContractBodyPipe('ScreenIntakeRequest')) body: ScreenIntakeRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<IntakeView> {
    return toIntakeView(await this.intakes.screen(id, body), user.roles);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @RequireRoles(...IntakeRights.screen)
  async merge(
    @Param('id', intakeId) id: string,
    @Body(new ContractBodyPipe('MergeIntakeRequest')) body: MergeIntakeRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<IntakeView> {
    return toIntakeView(await this.intakes.merge(id, body.caseId), user.roles);
  }

  @Post(':id/erase')
  @HttpCode(200)
  @RequireRoles(...IntakeRights.screen)
  async erase(@Param('id', intakeId) id: string, @CurrentUser() user: AuthenticatedUser): Promise<IntakeView> {
    return toIntakeView(await this.intakes.erase(id), user.roles);
  }

  @Post(':id/referral')
  @RequireRoles(...IntakeRights.convert)
  async refer(
    @Param('id', intakeId) id: string,
    @Body(new ContractBodyPipe('IntakeReferralRequest')) body: IntakeReferralRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReferralView> {
    const referral = await this.conversion.toReferral(id, body);
    response.status(201).location(`/api/v1/referrals/${referral._id}`);
    return toReferralView(referral, { roles: user.roles });
  }

  @Post(':id/return')
  @RequireRoles(...IntakeRights.convert)
  async requestReturn(
    @Param('id', intakeId) id: string,
    @Body(new ContractBodyPipe('IntakeReturnRequest')) body: IntakeReturnRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReturnView> {
    const created = await this.conversion.toReturn(id, body);
    response.status(201).location(`/api/v1/returns/${created._id}`);
    return toReturnView(created, { roles: user.roles });
  }
}
