import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MessageValidator } from '@enlace/contracts';
import { SealedUse } from '@enlace/privacy';
import type { OutboxEntry } from '@enlace/store';
import { AgencyScope } from '../../agencies/agency-scope';
import { NODE_API_CONFIG, NodeApiConfig } from '../../config/node-api.config';
import { NODE_TRANSACTIONS } from '../../database/database.tokens';
import { NodeTransactions } from '../../database/node-transactions';
import { SEALED_CASE_CONTENT } from '../../privacy/privacy.tokens';
import { SealedCaseContent } from '../../privacy/sealed-case-content';
import { CASE_DOCUMENT_REPOSITORY } from '../documents.tokens';
import { CaseDocumentRefusal } from '../domain/case-document.errors';
import { DOCUMENT_CHUNK_TYPE, DocumentChunkMessage } from '../domain/document-chunk.message';
import { documentChunks, documentDigest } from '../domain/document-chunks';
import { isDocumentKind } from '../domain/document-kind';
import { sniffDocumentMediaType } from '../domain/document-media-type';
import {
  CaseDocumentRepository,
  CaseDocumentRow,
  DocumentCase,
  ListedCaseDocumentRow,
} from '../persistence/case-document.repository';

/** A document's bytes as a download gives them. */
export interface DocumentContent {
  readonly document: CaseDocumentRow;
  readonly content: Buffer;
}

/**
 * Documents attached to a case: taken only if their content is of an allowed type and within the size limit, sealed
 * with the case's key in chunks, and sent to the other end of the case as those chunks through the outbox, all in
 * one transaction; listed with how far they travelled; given back whole, checked against their digest.
 */
@Injectable()
export class CaseDocumentsService {
  constructor(
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
    @Inject(NODE_TRANSACTIONS) private readonly transactions: NodeTransactions,
    @Inject(CASE_DOCUMENT_REPOSITORY) private readonly documents: CaseDocumentRepository,
    @Inject(SEALED_CASE_CONTENT) private readonly sealing: SealedCaseContent,
    private readonly validator: MessageValidator,
    private readonly scope: AgencyScope,
  ) {}

  async attach(caseId: string, kind: string, content: Buffer): Promise<CaseDocumentRow> {
    if (!isDocumentKind(kind)) {
      throw new CaseDocumentRefusal('DOCUMENT_KIND_INVALID', 'The kind of document is not one the network knows.');
    }
    if (content.length === 0) throw new CaseDocumentRefusal('DOCUMENT_EMPTY', 'The document is empty.');
    if (content.length > this.config.documentMaxBytes) {
      throw new CaseDocumentRefusal(
        'DOCUMENT_TOO_LARGE',
        `The document is larger than this node takes (${this.config.documentMaxBytes} bytes).`,
      );
    }
    const mediaType = sniffDocumentMediaType(content);
    if (mediaType === undefined) {
      throw new CaseDocumentRefusal(
        'DOCUMENT_TYPE_NOT_ALLOWED',
        'The document is not of an allowed type (PDF, PNG or JPEG, as its content shows).',
      );
    }
    // The document travels to the other country: only the gateway agency's focal points send it.
    this.scope.assertMaySendAcrossBorder('document.attach');
    const id = randomUUID();
    const sha256 = documentDigest(content);
    const chunks = documentChunks(content);
    const now = new Date();
    return this.transactions.run(async () => {
      const found = this.attachable(await this.documents.findCase(caseId));
      const messages = chunks.map((chunk, index): { envelopeId: string; payload: DocumentChunkMessage } => ({
        envelopeId: randomUUID(),
        payload: {
          caseId,
          documentId: id,
          kind,
          mediaType,
          size: content.length,
          sha256,
          chunkCount: chunks.length,
          index,
          data: chunk.toString('base64'),
        },
      }));
      for (const message of messages) this.validator.assertPayload(DOCUMENT_CHUNK_TYPE, message.payload);
      const sealed = await this.sealing.sealValues(caseId, [
        ...messages.map(({ payload }) => ({
          purpose: SealedUse.documentChunk(id, payload.index),
          value: payload.data,
        })),
        ...messages.map(({ envelopeId, payload }) => ({ purpose: SealedUse.outbox(envelopeId), value: payload })),
      ]);
      if (sealed === undefined) throw erased();
      const outbox = messages.map(({ envelopeId }, index): OutboxEntry => ({
        envelopeId,
        type: DOCUMENT_CHUNK_TYPE,
        to: found.counterpart,
        caseId,
        correlationId: caseId,
        sealedPayload: sealed[messages.length + index] as string,
        createdAt: now,
        sentAt: null,
        deliveredAt: null,
      }));
      const row: CaseDocumentRow = {
        id,
        case_id: caseId,
        origin: 'attached',
        from_country: this.config.country,
        kind,
        media_type: mediaType,
        size: content.length,
        sha256,
        chunk_count: chunks.length,
        status: 'stored',
        created_at: now,
        completed_at: now,
      };
      await this.documents.insertAttached(
        row,
        messages.map(({ envelopeId }, index) => ({ index, sealedData: sealed[index] as string, envelopeId })),
        outbox,
        found.protocol,
      );
      return row;
    });
  }

  /** The largest document this node takes, in bytes: told to clients with the list, so a form can say so. */
  get maxBytes(): number {
    return this.config.documentMaxBytes;
  }

  async list(caseId: string): Promise<ListedCaseDocumentRow[]> {
    const found = await this.documents.findCase(caseId);
    if (!found) throw notFound();
    if (found.erased) throw erased();
    return this.documents.list(caseId);
  }

  /** The document's bytes, checked against its digest; 409 while a received one still lacks chunks. */
  async download(caseId: string, documentId: string): Promise<DocumentContent> {
    const found = await this.documents.findCase(caseId);
    if (!found) throw notFound();
    if (found.erased) throw erased();
    const document = await this.documents.find(caseId, documentId);
    if (!document) throw new CaseDocumentRefusal('DOCUMENT_NOT_FOUND', 'The case has no such document.');
    if (document.status !== 'stored' && document.status !== 'received') {
      throw new CaseDocumentRefusal(
        'DOCUMENT_NOT_COMPLETE',
        document.status === 'corrupt'
          ? 'The document arrived altered: its chunks did not add up to its digest.'
          : 'The document has not fully arrived yet.',
      );
    }
    const chunks = await this.documents.chunks(documentId);
    const opened = await this.sealing.openValues<string>(
      caseId,
      chunks.map((chunk) => ({ purpose: SealedUse.documentChunk(documentId, chunk.index), sealed: chunk.sealedData })),
    );
    if (opened === undefined) throw erased();
    const content = Buffer.concat(opened.map((data) => Buffer.from(data, 'base64')));
    if (content.length !== document.size || documentDigest(content) !== document.sha256) {
      // Sealed chunks that open but do not add up: a fault of this node's store, not of the request.
      throw new Error(`document ${documentId} does not match its digest at rest`);
    }
    return { document, content };
  }

  /** The case, if a document may be attached to it now: it exists, was not erased, has not ended. */
  private attachable(found: DocumentCase | undefined): DocumentCase & { counterpart: string } {
    if (!found) throw notFound();
    if (found.erased) throw erased();
    if (found.ended || found.counterpart === null) {
      throw new CaseDocumentRefusal('CASE_ENDED', 'The case has ended: nothing more travels with it.');
    }
    return { ...found, counterpart: found.counterpart };
  }
}

const notFound = () => new CaseDocumentRefusal('CASE_NOT_FOUND', 'There is no such case at this node.');
const erased = () =>
  new CaseDocumentRefusal(
    'CASE_ERASED',
    "The case's personal data and documents were erased after consent was withdrawn.",
  );
