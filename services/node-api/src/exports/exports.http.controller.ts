import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CaseRights } from '@enlace/auth';
import { RequireRoles } from '../auth/roles.decorator';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { HtcdsExportService } from './application/htcds-export.service';
import { htcdsCsvStream } from './domain/htcds-csv';

@Controller('exports')
export class ExportsHttpController {
  constructor(
    private readonly htcds: HtcdsExportService,
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
  ) {}

  /**
   * This node's cases, personal data included, as an HTCDS-shaped CSV file (the audit log records who took it),
   * streamed as it is read. The first page is read before the answer starts, so that a database away answers 503
   * problem+json; a failure later aborts the download, so a cut file is never taken for a whole one.
   */
  @Get('htcds.csv')
  @RequireRoles(...CaseRights.read)
  async htcdsCsv(@Res() response: Response): Promise<void> {
    const rows = this.htcds.rows();
    const first = await rows.next();
    const day = new Date().toISOString().slice(0, 10);
    response.status(200);
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('cache-control', 'no-store');
    response.attachment(`enlace-${this.config.country}-htcds-${day}.csv`);
    await pipeline(Readable.from(startingWith(first, rows)), htcdsCsvStream(), response);
  }
}

/** The rows again, the first one (already read) included. */
async function* startingWith<T>(first: IteratorResult<T>, rest: AsyncGenerator<T>): AsyncGenerator<T> {
  if (first.done) return;
  yield first.value;
  yield* rest;
}
