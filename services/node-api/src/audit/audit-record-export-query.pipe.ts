import { Injectable, PipeTransform } from '@nestjs/common';
import { ListQueryReader, parameterSchema } from '../common/paging/list-query.reader';
import { readAuditRecordFilter } from './audit-record-query.pipe';
import type { AuditRecordExport, AuditRecordSort } from './persistence/audit-record.query';

/**
 * The query of the audit log's CSV export: the list's filters (from, to, action, user) and sort, read as the list
 * reads them (a bad one is answered 400 naming it, a backwards range 422); no page size or cursor, the file holds
 * every record that matches.
 */
@Injectable()
export class AuditRecordExportQueryPipe implements PipeTransform {
  transform(raw: unknown): AuditRecordExport {
    const reader = new ListQueryReader(raw);
    const filter = readAuditRecordFilter(reader);
    const sort = (reader.text('sort', parameterSchema('AuditSort')) ?? 'newest') as AuditRecordSort;
    return { ...filter, sort };
  }
}
