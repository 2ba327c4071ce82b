import { NodeChannels, notify, outboxRowOf, type CaseDocumentsTable, type OutboxEntry } from '@enlace/store';
import type { Insertable, Selectable } from 'kysely';
import type { NodeTransactions } from '../../database/node-transactions';
import type { AgencyScope } from '../../agencies/agency-scope';
import { visibleToAgency } from '../../agencies/persistence/agency-visibility';

/** A document row as stored: what names no one about it. */
export type CaseDocumentRow = Selectable<CaseDocumentsTable>;

/** A document row with how far its chunks travelled (attached here: sent and receipted by the other end). */
export type ListedCaseDocumentRow = CaseDocumentRow & { sent: number; delivered: number };

/** The case a document is attached to or arrives for, as far as documents need it. */
export interface DocumentCase {
  readonly id: string;
  readonly protocol: string;
  readonly counterpart: string | null;
  readonly erased: boolean;
  readonly ended: boolean;
}

/** A chunk as it rests: sealed with the case's key. */
export interface SealedChunk {
  readonly index: number;
  readonly sealedData: string;
  readonly envelopeId: string;
}

/**
 * The `case_documents` and `case_document_chunks` tables, and the outbox rows that carry a document's chunks. Every
 * call runs in the caller's transaction when there is one.
 */
export class CaseDocumentRepository {
  /** `scope`: whose agency a request reads for; a user sees the documents of the cases their agency may see. */
  constructor(
    private readonly transactions: NodeTransactions,
    private readonly scope?: AgencyScope,
  ) {}

  /**
   * The case, its row locked until the open transaction ends: an erasure (which updates that row) waits for a
   * document being attached, or the attach waits for it and finds the case erased. A user's request finds only a
   * case of their agency or shared with it (in the query); the node's own work (a chunk applied) finds any.
   */
  async findCase(caseId: string): Promise<DocumentCase | undefined> {
    let query = this.transactions.executor
      .selectFrom('cases')
      .select(['id', 'protocol', 'counterpart', 'erasure', 'ended'])
      .where('id', '=', caseId);
    const caller = this.scope?.caller();
    if (caller) query = query.where(visibleToAgency('cases', caller));
    if (this.transactions.inTransaction) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row
      ? {
          id: row.id,
          protocol: row.protocol,
          counterpart: row.counterpart,
          erased: row.erasure !== null,
          ended: row.ended,
        }
      : undefined;
  }

  /** A document attached here, its sealed chunks, and the outbox rows that carry them (the courier woken on commit). */
  async insertAttached(
    document: Insertable<CaseDocumentsTable>,
    chunks: readonly SealedChunk[],
    outbox: readonly OutboxEntry[],
    protocol: string,
  ): Promise<void> {
    const db = this.transactions.executor;
    await db.insertInto('case_documents').values(document).execute();
    await this.insertChunks(document.id, chunks);
    if (outbox.length > 0) {
      await db
        .insertInto('outbox')
        .values(outbox.map((entry) => outboxRowOf(entry, protocol)))
        .execute();
      await notify(db, NodeChannels.outbox);
    }
  }

  /**
   * A document arriving from the other end, the first time one of its chunks does; what it already has otherwise
   * (the first chunk to arrive wrote it).
   */
  async insertReceived(document: Insertable<CaseDocumentsTable>): Promise<CaseDocumentRow> {
    const db = this.transactions.executor;
    await db
      .insertInto('case_documents')
      .values(document)
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
    return db
      .selectFrom('case_documents')
      .selectAll()
      .where('id', '=', document.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
  }

  /** Chunks added; one already there (a copy delivered twice) is kept as it was. */
  async insertChunks(documentId: string, chunks: readonly SealedChunk[]): Promise<void> {
    if (chunks.length === 0) return;
    await this.transactions.executor
      .insertInto('case_document_chunks')
      .values(
        chunks.map((chunk) => ({
          document_id: documentId,
          index: chunk.index,
          sealed_data: chunk.sealedData,
          envelope_id: chunk.envelopeId,
        })),
      )
      .onConflict((conflict) => conflict.columns(['document_id', 'index']).doNothing())
      .execute();
  }

  async chunkCount(documentId: string): Promise<number> {
    const row = await this.transactions.executor
      .selectFrom('case_document_chunks')
      .select((select) => select.fn.countAll<string>().as('count'))
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** The document's chunks as they rest, in order. */
  async chunks(documentId: string): Promise<SealedChunk[]> {
    const rows = await this.transactions.executor
      .selectFrom('case_document_chunks')
      .select(['index', 'sealed_data', 'envelope_id'])
      .where('document_id', '=', documentId)
      .orderBy('index')
      .execute();
    return rows.map((row) => ({ index: row.index, sealedData: row.sealed_data, envelopeId: row.envelope_id }));
  }

  /** A received document whose chunks are all here: verified (`received`) or not (`corrupt`, its chunks dropped). */
  async complete(documentId: string, status: 'received' | 'corrupt', at: Date): Promise<void> {
    const db = this.transactions.executor;
    await db.updateTable('case_documents').set({ status, completed_at: at }).where('id', '=', documentId).execute();
    if (status === 'corrupt')
      await db.deleteFrom('case_document_chunks').where('document_id', '=', documentId).execute();
  }

  async find(caseId: string, documentId: string): Promise<CaseDocumentRow | undefined> {
    return this.transactions.executor
      .selectFrom('case_documents')
      .selectAll()
      .where('id', '=', documentId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
  }

  /** The case's documents, oldest first, each with how many of its chunks left and were receipted by the other end. */
  async list(caseId: string): Promise<ListedCaseDocumentRow[]> {
    const rows = await this.transactions.executor
      .selectFrom('case_documents as d')
      .selectAll('d')
      .select((select) => [
        select
          .selectFrom('case_document_chunks as c')
          .innerJoin('outbox as o', 'o.envelope_id', 'c.envelope_id')
          .select((count) => count.fn.count<string>('o.sent_at').as('sent'))
          .whereRef('c.document_id', '=', 'd.id')
          .as('sent'),
        select
          .selectFrom('case_document_chunks as c')
          .innerJoin('outbox as o', 'o.envelope_id', 'c.envelope_id')
          .select((count) => count.fn.count<string>('o.delivered_at').as('delivered'))
          .whereRef('c.document_id', '=', 'd.id')
          .as('delivered'),
      ])
      .where('d.case_id', '=', caseId)
      .orderBy('d.created_at')
      .orderBy('d.id')
      .execute();
    return rows.map((row) => ({ ...row, sent: Number(row.sent ?? 0), delivered: Number(row.delivered ?? 0) }));
  }
}
