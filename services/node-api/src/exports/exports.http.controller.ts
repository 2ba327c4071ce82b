import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { AuditLogStore } from '@enlace/audit';
import type { Request, Response } from 'express';
import { CaseRights } from '@enlace/auth';
import { recordBeforeServing } from '../audit/record-before-serving';
import { AUDIT_LOG_STORE } from '../audit/audit.tokens';
import { RequireRoles } from '../auth/roles.decorator';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { HtcdsExportService } from './application/htcds-export.service';
import { htcdsCsvStream } from './domain/htcds-csv';
import type { HtcdsExportFilter } from './domain/htcds-export.filter';
import { HtcdsExportQueryPipe } from './dto/htcds-export-query.pipe';

@Controller('exports')
export class ExportsHttpController {
  constructor(
    private readonly htcds: HtcdsExportService,
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
    @Inject(AUDIT_LOG_STORE) private readonly audit: AuditLogStore,
  ) {}

  /**
   * This node's cases and intakes that meet the filter, personal data included, as an HTCDS-shaped CSV file (the
   * audit log records who took it), streamed as it is read. The first page is read before the answer starts, so that a database away answers 503
   * problem+json; a failure later aborts the download, so a cut file is never taken for a whole one.
   */
  @Get('htcds.csv')
  @RequireRoles(...CaseRights.read)
  async htcdsCsv(
    @Query(new HtcdsExportQueryPipe()) filter: HtcdsExportFilter,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const at = new Date().toISOString();
    const rows = this.htcds.rows(filter);
    const first = await rows.next();
    // personal data of every case: recorded before the first byte leaves, or not served at all
    await recordBeforeServing(this.audit, request, at);
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
