import type { NodeApiSchemas } from '@enlace/contracts';
import type { CaseDocumentRow, ListedCaseDocumentRow } from '../persistence/case-document.repository';

export type CaseDocumentView = NodeApiSchemas['CaseDocument'];

/** A document as the API shows it: what names no one; for one attached here, how far its chunks travelled. */
export function toCaseDocumentView(row: CaseDocumentRow | ListedCaseDocumentRow): CaseDocumentView {
  const listed = 'sent' in row ? row : undefined;
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind as CaseDocumentView['kind'],
    mediaType: row.media_type as CaseDocumentView['mediaType'],
    size: row.size,
    sha256: row.sha256,
    origin: row.origin as CaseDocumentView['origin'],
    fromCountry: row.from_country,
    status: row.status as CaseDocumentView['status'],
    chunkCount: row.chunk_count,
    ...(row.origin === 'attached' && {
      transfer: { chunks: row.chunk_count, sent: listed?.sent ?? 0, delivered: listed?.delivered ?? 0 },
    }),
    createdAt: row.created_at.toISOString(),
    ...(row.completed_at && { completedAt: row.completed_at.toISOString() }),
  };
}
