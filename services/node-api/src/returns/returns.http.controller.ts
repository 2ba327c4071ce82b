import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CaseRights } from '@enlace/auth';
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
import { ReturnCase, ReturnsService } from './application/returns.service';
import { RETURN_STEPS } from './dto/return-steps';
import type { CreateReturnRequest, ReturnList, ReturnView } from './dto/return.requests';
import { toReturnSummary, toReturnView } from './dto/return.view';
import { AuditedBeforeServing } from '../audit/audited-before-serving.decorator';

const returnId = new ContractParameterPipe('#/components/parameters/CaseId/schema', 'id');

@Controller('returns')
export class ReturnsHttpController {
  constructor(private readonly returns: ReturnsService) {}

  @Post()
  @RequireRoles(...CaseRights.write)
  async create(
    @Body(new ContractBodyPipe('CreateReturnRequest')) body: CreateReturnRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReturnView> {
    const created = await this.returns.request(body);
    response.status(201).location(`/api/v1/returns/${created._id}`);
    return this.view(created, user);
  }

  @Get()
  @RequireRoles(...CaseRights.read)
  async list(
    @Query(new CaseListQueryPipe({ direction: 'CaseDirection', status: 'ReturnStatus' })) query: CaseListQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReturnList> {
    const page = await this.returns.list(query, { initials: mayShowInitials(user) });
    return {
      items: page.items.map(({ document, initials }) => ({
        ...toReturnSummary(document, query.now),
        ...(initials ? { initials } : {}),
      })),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  @Get(':id')
  @RequireRoles(...CaseRights.read)
  async get(@Param('id', returnId) id: string, @CurrentUser() user: AuthenticatedUser): Promise<ReturnView> {
    return this.view(await this.returns.get(id), user);
  }

  @Get(':id/person')
  @AuditedBeforeServing()
  @RequireRoles(...CaseRights.read)
  async person(@Param('id', returnId) id: string): Promise<CasePersonView> {
    return toCasePersonView(await this.returns.get(id));
  }

  /** One step of the procedure; each step's body and roles are its own (RETURN_STEPS, the OpenAPI document). */
  @Post(':id/:step')
  @HttpCode(200)
  @RequireRoles(...CaseRights.write)
  async takeStep(
    @Param('id', returnId) id: string,
    @Param('step') step: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReturnView> {
    const checked = checkedStepRequest(RETURN_STEPS, step, user, body, 'return');
    return this.view(await this.returns.takeStep(id, checked.step, checked.body), user);
  }

  private view(document: ReturnCase, user: AuthenticatedUser | undefined): ReturnView {
    return toReturnView(document, user ? { roles: user.roles } : {});
  }
}
