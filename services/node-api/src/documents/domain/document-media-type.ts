/**
 * The types a document may have, each known by the first bytes of its content (its signature), never by a name or
 * a Content-Type the client chose: a scan of a paper (PDF, PNG, JPEG) is what a focal point attaches.
 */
const SIGNATURES = [
  { mediaType: 'application/pdf', extension: 'pdf', magic: Buffer.from('%PDF-', 'ascii') },
  { mediaType: 'image/png', extension: 'png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mediaType: 'image/jpeg', extension: 'jpg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
] as const;

export type DocumentMediaType = (typeof SIGNATURES)[number]['mediaType'];

export const DOCUMENT_MEDIA_TYPES: readonly DocumentMediaType[] = SIGNATURES.map((signature) => signature.mediaType);

/** The allowed type whose signature `content` starts with; undefined for anything else. */
export function sniffDocumentMediaType(content: Uint8Array): DocumentMediaType | undefined {
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  return SIGNATURES.find(({ magic }) => bytes.length > magic.length && bytes.subarray(0, magic.length).equals(magic))
    ?.mediaType;
}

/** The file extension a download of this type is named with. */
export function extensionOf(mediaType: string): string {
  return SIGNATURES.find((signature) => signature.mediaType === mediaType)?.extension ?? 'bin';
}
