import { auditHash } from './audit-hash';
import { AuditRecord, GENESIS_HASH } from './audit-record';

export type AuditChainReport =
  | { readonly intact: true; readonly records: number }
  | { readonly intact: false; readonly records: number; readonly firstBroken: number; readonly reason: string };

/**
 * Walks a node's audit chain in order and reports the first broken link: a record whose content no longer
 * matches its hash, one that does not point at the record before, or a gap or reordering in the sequence.
 */
export async function verifyAuditChain(
  records: AsyncIterable<AuditRecord> | Iterable<AuditRecord>,
): Promise<AuditChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
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
    if (auditHash(record) !== record.hash) return broken('its content does not match its hash');
    prevHash = record.hash;
    expectedSeq++;
  }
  return { intact: true, records: count };
}
