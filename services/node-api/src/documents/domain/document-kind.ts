/** What a document attached to a case is: the kinds the network's contract knows (document.chunk.v1). */
export const DOCUMENT_KINDS = [
  'identity-document',
  'travel-document',
  'medical-report',
  'social-report',
  'consent-form',
  'other',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}
