import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { MonitorApiSchemas } from '@enlace/contracts';
import { AuthenticatedMonitorUser } from '../auth/authenticated-monitor-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { REDRIVE_ROLES } from '../auth/monitor-roles';
import { RequireRoles } from '../auth/roles.decorator';
import { ProblemException } from '@enlace/http';
import { ContractBodyPipe } from '../common/validation/contract-body.pipe';
import { ContractParameterPipe } from '../common/validation/contract-parameter.pipe';
import { IntegerQueryParameter, QueryParameter } from '../common/validation/query-parameter';
import { RedriveService } from './application/redrive.service';
import { DeadLetterView, toDeadLetterView } from './dto/dead-letter.view';
import { DeadLetterRepository } from './persistence/dead-letter.repository';

type RedriveRequest = MonitorApiSchemas['RedriveRequest'];

@Controller('dead-letters')
export class DeadLettersHttpController {
  constructor(
    private readonly deadLetters: DeadLetterRepository,
    private readonly redriver: RedriveService,
  ) {}

  @Get()
  async list(
    @QueryParameter('country', '#/components/schemas/CountryCode') country?: string,
    @QueryParameter('status', '#/components/schemas/DeadLetterStatus') status?: 'pending' | 'redriven',
    @IntegerQueryParameter('limit', '#/components/parameters/Limit/schema') limit?: number,
  ): Promise<MonitorApiSchemas['DeadLetterList']> {
    const records = await this.deadLetters.list({ country, status, limit: limit ?? 100 });
    return { items: records.map(toDeadLetterView) };
  }

  @Get(':id')
  async get(@Param('id', new ContractParameterPipe('DeadLetterId', 'id')) id: string): Promise<DeadLetterView> {
    const record = await this.deadLetters.get(id);
    if (!record) throw new ProblemException({ status: 404, title: 'Not Found', detail: 'No such dead letter.' });
    return toDeadLetterView(record);
  }

  @Post('redrive')
  @HttpCode(200)
  @RequireRoles(...REDRIVE_ROLES)
  async redrive(
    @Body(new ContractBodyPipe('RedriveRequest')) body: RedriveRequest,
    @CurrentUser() user: AuthenticatedMonitorUser,
  ): Promise<MonitorApiSchemas['RedriveReport']> {
    return { results: await this.redriver.redrive(body.ids, user) };
  }
}
