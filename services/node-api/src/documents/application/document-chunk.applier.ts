import { Logger } from '@nestjs/common';
import { SealedUse } from '@enlace/privacy';
import type { InboxEntry } from '@enlace/store';
import type { SealedCaseContent } from '../../privacy/sealed-case-content';
import { APPLIED, ApplyOutcome, InboxMessageApplier } from '../../inbox/inbox-message.applier';
import { DOCUMENT_CHUNK_TYPE, DocumentChunkMessage } from '../domain/document-chunk.message';
import { DOCUMENT_CHUNK_BYTES, documentDigest } from '../domain/document-chunks';
import type { CaseDocumentRepository } from '../persistence/case-document.repository';

const refused = (code: string, detail: string): ApplyOutcome => ({ applied: false, code, detail });

/**
 * The chunks of documents the other end of a case sends: each kept sealed with the case's key as it arrives (a copy
 * delivered twice is kept once); when the last one is here, the whole is reassembled and checked against the digest
 * the sender gave, and the document becomes `received` (downloadable) or `corrupt` (its chunks dropped). A chunk that
 * comes before its case (not applied yet) waits for it; one of a case erased meanwhile is dropped.
 */
export class DocumentChunkApplier implements InboxMessageApplier {
  private readonly logger = new Logger(DocumentChunkApplier.name);
  /** No case's protocol: a chunk's receipt and its case's erasure confirmations go to the case's own protocol. */
  readonly protocolName = 'document';

  constructor(
    private readonly documents: CaseDocumentRepository,
    private readonly sealing: SealedCaseContent,
  ) {}

  handles(type: string): boolean {
    return type === DOCUMENT_CHUNK_TYPE;
  }

  applyReceipt(): Promise<ApplyOutcome> {
    return Promise.resolve(refused('UNSUPPORTED_TYPE', 'documents have no receipts of their own'));
  }

  async apply(entry: InboxEntry): Promise<ApplyOutcome> {
    if (entry.payloadWithheld) return APPLIED; // its case was erased here: nothing of it is kept
    const chunk = entry.payload as DocumentChunkMessage | undefined;
    if (!chunk || chunk.caseId !== entry.caseId) {
      return refused('CASE_MISMATCH', 'the chunk names another case than its envelope');
    }
    const found = await this.documents.findCase(entry.caseId);
    if (!found) {
      return {
        applied: false,
        code: 'CASE_NOT_YET_HERE',
        detail: 'the case this document belongs to has not arrived yet',
        deferred: true,
      };
    }
    if (found.counterpart !== entry.from) {
      return refused('NOT_COUNTERPART', `${entry.from} is not the other end of the case`);
    }
    if (found.erased) return APPLIED;
    const data = Buffer.from(chunk.data, 'base64');
    if (chunk.index >= chunk.chunkCount || data.length === 0 || data.length > DOCUMENT_CHUNK_BYTES) {
      return refused('INVALID_CHUNK', `chunk ${chunk.index} of ${chunk.chunkCount} is out of bounds`);
    }
    const document = await this.documents.insertReceived({
      id: chunk.documentId,
      case_id: entry.caseId,
      origin: 'received',
      from_country: entry.from,
      kind: chunk.kind,
      media_type: chunk.mediaType,
      size: chunk.size,
      sha256: chunk.sha256,
      chunk_count: chunk.chunkCount,
      status: 'receiving',
      created_at: entry.receivedAt,
      completed_at: null,
    });
    if (
      document.case_id !== entry.caseId ||
      document.origin !== 'received' ||
      document.from_country !== entry.from ||
      document.sha256 !== chunk.sha256 ||
      document.size !== chunk.size ||
      document.chunk_count !== chunk.chunkCount
    ) {
      return refused('DOCUMENT_MISMATCH', 'the chunk does not belong to the document of that id here');
    }
    if (document.status !== 'receiving') return APPLIED; // complete already: a copy delivered again
    const sealed = await this.sealing.sealValues(entry.caseId, [
      { purpose: SealedUse.documentChunk(chunk.documentId, chunk.index), value: chunk.data },
    ]);
    if (sealed === undefined) return APPLIED;
    await this.documents.insertChunks(chunk.documentId, [
      { index: chunk.index, sealedData: sealed[0] as string, envelopeId: entry.envelopeId },
    ]);
    if ((await this.documents.chunkCount(chunk.documentId)) === chunk.chunkCount) {
      await this.complete(entry, chunk);
    }
    return APPLIED;
  }

  /** All chunks are here: the whole, reassembled, checked against the sender's digest. */
  private async complete(entry: InboxEntry, chunk: DocumentChunkMessage): Promise<void> {
    const chunks = await this.documents.chunks(chunk.documentId);
    const opened = await this.sealing.openValues<string>(
      entry.caseId,
      chunks.map((stored) => ({
        purpose: SealedUse.documentChunk(chunk.documentId, stored.index),
        sealed: stored.sealedData,
      })),
    );
    const content = Buffer.concat((opened ?? []).map((data) => Buffer.from(data, 'base64')));
    const intact = content.length === chunk.size && documentDigest(content) === chunk.sha256;
    if (!intact) {
      this.logger.warn({
        msg: `document ${chunk.documentId} of case ${entry.caseId} arrived altered: its digest does not match`,
        correlationId: entry.correlationId,
      });
    }
    await this.documents.complete(chunk.documentId, intact ? 'received' : 'corrupt', new Date());
  }
}
