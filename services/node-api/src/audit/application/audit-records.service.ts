import { auditRecordDigest, encodeAuditRecordCursor } from '../persistence/audit-record-cursor';
import type { AuditRecordQuery } from '../persistence/audit-record.query';
import type { AuditRecordRepository } from '../persistence/audit-record.repository';
import { AuditRecordListView, toAuditRecordView } from '../dto/audit-record.view';

/** An auditor's reading of the node's audit log: one page, and the cursor of the next when there is one. */
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
}
