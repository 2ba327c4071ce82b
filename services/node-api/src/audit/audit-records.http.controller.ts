import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { AuditLogStore } from '@enlace/audit';
import { rolesWith } from '@enlace/auth';
import type { Request, Response } from 'express';
import { RequireRoles } from '../auth/roles.decorator';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { AuditRecordExportQueryPipe } from './audit-record-export-query.pipe';
import { AuditRecordQueryPipe } from './audit-record-query.pipe';
import { AUDIT_LOG_STORE, AUDIT_RECORDS_SERVICE } from './audit.tokens';
import { AuditRecordsService } from './application/audit-records.service';
import { auditRecordCsvStream, toAuditRecordCsvRow } from './domain/audit-record-csv';
import type { AuditRecordListView } from './dto/audit-record.view';
import type { AuditRecordExport, AuditRecordQuery } from './persistence/audit-record.query';
import { recordBeforeServing } from './record-before-serving';

/** The node's audit log, read by its auditors (right audit.read) a page at a time, or exported whole as CSV. */
@Controller('audit')
export class AuditRecordsHttpController {
  constructor(
    @Inject(AUDIT_RECORDS_SERVICE) private readonly records: AuditRecordsService,
    @Inject(AUDIT_LOG_STORE) private readonly audit: AuditLogStore,
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
  ) {}

  @Get('records')
  @RequireRoles(...rolesWith('audit.read'))
  list(@Query(new AuditRecordQueryPipe()) query: AuditRecordQuery): Promise<AuditRecordListView> {
    return this.records.list(query);
  }

  /**
   * Every record of the filters as a CSV file, streamed as it is read. The first page is read before the answer
   * starts (a database away answers 503 problem+json), and the export is recorded in the log before the first byte
   * leaves (fail closed); a failure later aborts the download, so a cut file is never taken for a whole one.
   */
  @Get('records.csv')
  @RequireRoles(...rolesWith('audit.read'))
  async exportCsv(
    @Query(new AuditRecordExportQueryPipe()) query: AuditRecordExport,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const at = new Date().toISOString();
    const records = this.records.records(query);
    const first = await records.next();
    await recordBeforeServing(this.audit, request, at);
    response.status(200);
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('cache-control', 'no-store');
    response.attachment(`enlace-${this.config.country}-audit-${at.slice(0, 10)}.csv`);
    const rows = async function* () {
      if (first.done) return;
      yield toAuditRecordCsvRow(first.value);
      for await (const record of records) yield toAuditRecordCsvRow(record);
    };
    await pipeline(Readable.from(rows()), auditRecordCsvStream(), response);
  }
}
