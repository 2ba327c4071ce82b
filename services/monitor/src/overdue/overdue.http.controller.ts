import { Controller, Get } from '@nestjs/common';
import type { MonitorApiSchemas } from '@enlace/contracts';
import { IntegerQueryParameter, QueryParameter } from '../common/validation/query-parameter';
import { toOverdueAnswerView } from './dto/overdue-answer.view';
import { OverdueRepository, OverdueState } from './persistence/overdue.repository';

const COUNTRY = '#/components/schemas/CountryCode';
const LIMIT = '#/components/parameters/Limit/schema';

@Controller('overdue')
export class OverdueHttpController {
  constructor(private readonly overdue: OverdueRepository) {}

  @Get()
  async list(
    @QueryParameter('state', '#/components/schemas/OverdueState') state?: OverdueState,
    @QueryParameter('country', COUNTRY) country?: string,
    @QueryParameter('counterpart', COUNTRY) counterpart?: string,
    @IntegerQueryParameter('limit', LIMIT) limit?: number,
  ): Promise<MonitorApiSchemas['OverdueList']> {
    const records = await this.overdue.list({ state: state ?? 'open', country, counterpart, limit: limit ?? 100 });
    return { items: records.map(toOverdueAnswerView) };
  }
}
