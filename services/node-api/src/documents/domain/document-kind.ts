import { NodeApi } from '@enlace/contracts';

/** What a document attached to a case is: the kinds the network's contract knows, as generated from it. */
export const DOCUMENT_KINDS: readonly NodeApi.DocumentKind[] = NodeApi.documentKindValues;

export type DocumentKind = NodeApi.DocumentKind;

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}
