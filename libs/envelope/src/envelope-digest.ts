import { createHash } from 'node:crypto';

/** SHA-256 of the wire bytes, base64url: names one exact envelope in receipts, audits and dead letters. */
export function envelopeDigest(wire: string): string {
  return createHash('sha256').update(wire, 'utf8').digest('base64url');
}
