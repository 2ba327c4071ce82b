/** Why a document is refused or not there, as the HTTP edge answers it (problem+json). */
export type CaseDocumentRefusalCode =
  | 'CASE_NOT_FOUND'
  | 'DOCUMENT_NOT_FOUND'
  | 'CASE_ERASED'
  | 'CASE_ENDED'
  | 'DOCUMENT_NOT_COMPLETE'
  | 'DOCUMENT_EMPTY'
  | 'DOCUMENT_TOO_LARGE'
  | 'DOCUMENT_TYPE_NOT_ALLOWED'
  | 'DOCUMENT_KIND_INVALID';

/** A document the node will not take, or cannot give: the code says which, the message says why. */
export class CaseDocumentRefusal extends Error {
  constructor(
    readonly code: CaseDocumentRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'CaseDocumentRefusal';
  }
}
