import { auditRecordDigest, encodeAuditRecordCursor } from '../persistence/audit-record-cursor';
import type { AuditRecordExport, AuditRecordQuery } from '../persistence/audit-record.query';
import type { AuditRecordRepository } from '../persistence/audit-record.repository';
import { AuditRecordListView, AuditRecordView, toAuditRecordView } from '../dto/audit-record.view';

/** How many records an export reads at a time: what it holds in memory at most, whatever the log's size. */
const EXPORT_PAGE = 500;

/** An auditor's reading of the node's audit log: a page at a time, or every record of a filter for its export. */
export class AuditRecordsService {
  constructor(private readonly repository: AuditRecordRepository) {}

  async list(query: AuditRecordQuery): Promise<AuditRecordListView> {
    const rows = await this.repository.page(query);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const more = rows.length > query.limit && last !== undefined;
    return {
      items: page.map(toAuditRecordView),
      ...(more && { nextCursor: encodeAuditRecordCursor(query.sort, auditRecordDigest(query), last.seq) }),
    };
  }

  /**
   * Every record of the filter, in the order asked, read a page at a time after the last one given (the pages of the
   * list, without their cursors): a record written during the export is in it when the order reaches it.
   */
  async *records(query: AuditRecordExport): AsyncGenerator<AuditRecordView> {
    let afterSeq: number | undefined;
    for (;;) {
      const rows = await this.repository.page({
        ...query,
        limit: EXPORT_PAGE,
        ...(afterSeq !== undefined && { afterSeq }),
      });
      for (const row of rows.slice(0, EXPORT_PAGE)) yield toAuditRecordView(row);
      if (rows.length <= EXPORT_PAGE) return;
      afterSeq = rows[EXPORT_PAGE - 1]?.seq;
    }
  }
}
