/** CaseDocumentRepository: the documents of cases, their chunks, and the outbox rows that carry them. */
export const CASE_DOCUMENT_REPOSITORY = Symbol('CASE_DOCUMENT_REPOSITORY');
/** The InboxMessageApplier of document chunks arriving from the other end of a case. */
export const DOCUMENT_CHUNK_APPLIER = Symbol('DOCUMENT_CHUNK_APPLIER');
