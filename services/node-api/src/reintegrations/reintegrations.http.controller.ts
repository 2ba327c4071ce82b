import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CaseRights, ReintegrationRights } from '@enlace/auth';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CasePersonView, toCasePersonView } from '../cases/dto/case-person.view';
import { RequireRoles } from '../auth/roles.decorator';
import { ContractBodyPipe } from '../common/validation/contract-body.pipe';
import { ContractParameterPipe } from '../common/validation/contract-parameter.pipe';
import { CaseListQueryPipe } from '../common/validation/case-list-query.pipe';
import { mayShowInitials } from '../cases/dto/listed-initials';
import type { CaseListQuery } from '../cases/persistence/case-list.query';
import { checkedStepRequest } from '../common/validation/step-request';
import { ReintegrationCase, ReintegrationsService } from './application/reintegrations.service';
import { REINTEGRATION_STEPS } from './dto/reintegration-steps';
import type { OpenReintegrationRequest, ReintegrationList, ReintegrationView } from './dto/reintegration.requests';
import { toReintegrationSummary, toReintegrationView } from './dto/reintegration.view';
import { AuditedBeforeServing } from '../audit/audited-before-serving.decorator';

const planId = new ContractParameterPipe('#/components/parameters/CaseId/schema', 'id');

@Controller('reintegrations')
export class ReintegrationsHttpController {
  constructor(private readonly reintegrations: ReintegrationsService) {}

  @Post()
  @RequireRoles(...ReintegrationRights.decide)
  async open(
    @Body(new ContractBodyPipe('OpenReintegrationRequest')) body: OpenReintegrationRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReintegrationView> {
    const opened = await this.reintegrations.open(body);
    response.status(201).location(`/api/v1/reintegrations/${opened._id}`);
    return this.view(opened, user);
  }

  @Get()
  @RequireRoles(...CaseRights.read)
  async list(
    @Query(new CaseListQueryPipe({ direction: 'CaseDirection', status: 'ReintegrationStatus' })) query: CaseListQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReintegrationList> {
    const page = await this.reintegrations.list(query, { initials: mayShowInitials(user) });
    return {
      items: page.items.map(({ document, initials }) => ({
        ...toReintegrationSummary(document, query.now),
        ...(initials ? { initials } : {}),
      })),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  @Get(':id')
  @RequireRoles(...CaseRights.read)
  async get(@Param('id', planId) id: string, @CurrentUser() user: AuthenticatedUser): Promise<ReintegrationView> {
    return this.view(await this.reintegrations.get(id), user);
  }

  @Get(':id/person')
  @AuditedBeforeServing()
  @RequireRoles(...CaseRights.read)
  async person(@Param('id', planId) id: string): Promise<CasePersonView> {
    return toCasePersonView(await this.reintegrations.get(id));
  }

  /** One step of the reintegration; each step's body and roles are its own (REINTEGRATION_STEPS, the OpenAPI document). */
  @Post(':id/:step')
  @HttpCode(200)
  @RequireRoles(...ReintegrationRights.record)
  async takeStep(
    @Param('id', planId) id: string,
    @Param('step') step: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReintegrationView> {
    const checked = checkedStepRequest(REINTEGRATION_STEPS, step, user, body, 'reintegration');
    return this.view(await this.reintegrations.takeStep(id, checked.step, checked.body), user);
  }

  private view(document: ReintegrationCase, user: AuthenticatedUser | undefined): ReintegrationView {
    return toReintegrationView(document, user ? { roles: user.roles } : {});
  }
}
