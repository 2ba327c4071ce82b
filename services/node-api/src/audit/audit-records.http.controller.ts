import { Controller, Get, Inject, Query } from '@nestjs/common';
import { rolesWith } from '@enlace/auth';
import { RequireRoles } from '../auth/roles.decorator';
import { AuditRecordQueryPipe } from './audit-record-query.pipe';
import { AUDIT_RECORDS_SERVICE } from './audit.tokens';
import { AuditRecordsService } from './application/audit-records.service';
import type { AuditRecordListView } from './dto/audit-record.view';
import type { AuditRecordQuery } from './persistence/audit-record.query';

/** The node's audit log, read by its auditors (right audit.read) a page at a time. */
@Controller('audit')
export class AuditRecordsHttpController {
  constructor(@Inject(AUDIT_RECORDS_SERVICE) private readonly records: AuditRecordsService) {}

  @Get('records')
  @RequireRoles(...rolesWith('audit.read'))
  list(@Query(new AuditRecordQueryPipe()) query: AuditRecordQuery): Promise<AuditRecordListView> {
    return this.records.list(query);
  }
}
