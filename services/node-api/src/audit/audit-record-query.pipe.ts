import { Injectable, PipeTransform } from '@nestjs/common';
import { ListQueryReader, parameterSchema } from '../common/paging/list-query.reader';
import { auditRecordDigest, isAuditRecordPosition } from './persistence/audit-record-cursor';
import {
  AUDIT_RECORD_DEFAULT_LIMIT,
  type AuditRecordFilter,
  type AuditRecordQuery,
  type AuditRecordSort,
} from './persistence/audit-record.query';

/**
 * The query of the audit log's list (from, to, action, user, sort, limit, cursor), read as every paged list's is
 * (ListQueryReader): a bad parameter is answered 400 naming it, a range that ends before it starts 422. The cursor
 * must be one this node made for the same filters and sort.
 */
@Injectable()
export class AuditRecordQueryPipe implements PipeTransform {
  transform(raw: unknown): AuditRecordQuery {
    const reader = new ListQueryReader(raw);
    const filter = readAuditRecordFilter(reader);
    const limit = reader.limit(AUDIT_RECORD_DEFAULT_LIMIT);
    const sort = (reader.text('sort', parameterSchema('AuditSort')) ?? 'newest') as AuditRecordSort;
    const after = reader.cursor(sort, auditRecordDigest(filter), isAuditRecordPosition);
    return { ...filter, sort, limit, ...(after && { afterSeq: after.seq }) };
  }
}

/** The log's filters (from, to, action, user): the list's and the export's. */
export function readAuditRecordFilter(reader: ListQueryReader): AuditRecordFilter {
  const from = reader.instant('from', parameterSchema('AuditFrom'));
  const to = reader.instant('to', parameterSchema('AuditTo'));
  const action = reader.text('action', parameterSchema('AuditAction'));
  const user = reader.text('user', parameterSchema('AuditUser'));
  ListQueryReader.range(from, to, 'from', 'to');
  return {
    ...(from && { from }),
    ...(to && { to }),
    ...(action !== undefined && { action }),
    ...(user !== undefined && { user }),
  };
}
