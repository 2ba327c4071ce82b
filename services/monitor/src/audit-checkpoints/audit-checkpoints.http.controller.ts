import { Controller, Get, Param } from '@nestjs/common';
import type { MonitorApiSchemas } from '@enlace/contracts';
import { ProblemException } from '@enlace/http';
import { ContractParameterPipe } from '../common/validation/contract-parameter.pipe';
import { AuditCheckpointRepository } from './persistence/audit-checkpoint.repository';

/**
 * The nodes' audit checkpoints, for an audit of a node: the latest one is what `enlace audit verify --checkpoint`
 * compares the node's log with.
 */
@Controller('audit-checkpoints')
export class AuditCheckpointsHttpController {
  constructor(private readonly checkpoints: AuditCheckpointRepository) {}

  @Get(':country/latest')
  async latest(
    @Param('country', new ContractParameterPipe('CountryCode', 'country')) country: string,
  ): Promise<MonitorApiSchemas['AuditCheckpoint']> {
    const checkpoint = await this.checkpoints.latest(country);
    if (!checkpoint) {
      throw new ProblemException({ status: 404, title: 'Not Found', detail: 'No audit checkpoint of that country.' });
    }
    return checkpoint;
  }
}
