import type { MessagePayloads } from '@enlace/contracts';

/** The message type a document's chunk travels as. */
export const DOCUMENT_CHUNK_TYPE = 'document.chunk.v1';

/** One chunk of a document, as document.chunk.v1 carries it. */
export type DocumentChunkMessage = MessagePayloads['document.chunk.v1'];
