import { auditHash, auditMac } from './audit-hash';
import type { AuditKey } from './audit-key';
import { AuditRecord, GENESIS_HASH } from './audit-record';

/** What a checkpoint anchored outside the node says of its log: how long it was, and the seal of its last record. */
export interface AnchoredHead {
  readonly sequence: number;
  readonly headMac: string;
  /** When the checkpoint was made (for the report only). */
  readonly at: string;
}

export type AuditChainReport =
  | {
      readonly intact: true;
      readonly records: number;
      /** Records sealed by SHA-256 alone (before the log was keyed): their content is chained, not authenticated. */
      readonly unkeyed: number;
      /** The seal of the last record (GENESIS_HASH for an empty log). */
      readonly head: string;
    }
  | { readonly intact: false; readonly records: number; readonly firstBroken: number; readonly reason: string };

export interface AuditChainVerification {
  /** The audit key: without it, a keyed record cannot be checked and the chain is reported broken there. */
  readonly key?: AuditKey;
  /** The last checkpoint anchored outside the node: the log must still hold its record, unchanged. */
  readonly checkpoint?: AnchoredHead;
}

/**
 * Walks a node's audit chain in order and reports the first broken link: a record whose content no longer matches
 * its seal (for a keyed record: its HMAC under the audit key, which a rewrite cannot remake without the key), one
 * that does not point at the record before, a gap or reordering in the sequence, an unkeyed record after keyed ones,
 * and, given a checkpoint, a record that differs from the anchored head or a log that ends before it (a cut tail).
 */
export async function verifyAuditChain(
  records: AsyncIterable<AuditRecord> | Iterable<AuditRecord>,
  verification: AuditChainVerification = {},
): Promise<AuditChainReport> {
  const { key, checkpoint } = verification;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let unkeyed = 0;
  let keyedSeen = false;
  for await (const record of records) {
    count++;
    const broken = (reason: string): AuditChainReport => ({
      intact: false,
      records: count,
      firstBroken: expectedSeq,
      reason,
    });
    if (record.seq !== expectedSeq) return broken(`expected record ${expectedSeq}, found ${record.seq}`);
    if (record.prevHash !== prevHash) return broken('it does not point at the record before');
    if (record.keyId !== undefined) {
      if (!key) return broken(`it is sealed with the audit key ${record.keyId}, and no audit key was given`);
      if (record.keyId !== key.id) {
        return broken(`it is sealed with the audit key ${record.keyId}, not with the key given (${key.id})`);
      }
      if (auditMac(record, key) !== record.hash) return broken('its content does not match its seal (HMAC)');
      keyedSeen = true;
    } else {
      if (keyedSeen) return broken('it is sealed by SHA-256 alone after records sealed with the audit key');
      if (auditHash(record) !== record.hash) return broken('its content does not match its hash');
      unkeyed++;
    }
    if (checkpoint && record.seq === checkpoint.sequence && record.hash !== checkpoint.headMac) {
      return broken(`it differs from the head anchored by the checkpoint of ${checkpoint.at}`);
    }
    prevHash = record.hash;
    expectedSeq++;
  }
  if (checkpoint && count < checkpoint.sequence) {
    return {
      intact: false,
      records: count,
      firstBroken: count + 1,
      reason:
        `the log ends at record ${count}, but the checkpoint of ${checkpoint.at} anchored ${checkpoint.sequence} ` +
        'records: its tail was cut',
    };
  }
  return { intact: true, records: count, unkeyed, head: prevHash };
}
