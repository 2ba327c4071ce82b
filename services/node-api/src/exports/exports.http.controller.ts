import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CaseRights } from '@enlace/auth';
import { RequireRoles } from '../auth/roles.decorator';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { HtcdsExportService } from './application/htcds-export.service';

@Controller('exports')
export class ExportsHttpController {
  constructor(
    private readonly htcds: HtcdsExportService,
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
  ) {}

  /** This node's cases, personal data included, as an HTCDS-shaped CSV file (the audit log records who took it). */
  @Get('htcds.csv')
  @RequireRoles(...CaseRights.read)
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('cache-control', 'no-store')
  async htcdsCsv(@Res({ passthrough: true }) response: Response): Promise<string> {
    const day = new Date().toISOString().slice(0, 10);
    response.attachment(`enlace-${this.config.country}-htcds-${day}.csv`);
    return this.htcds.csv();
  }
}
