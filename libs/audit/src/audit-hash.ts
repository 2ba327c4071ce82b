import { createHash } from 'node:crypto';
import { AuditEntry, AuditRecord } from './audit-record';

/** JSON with object keys in sorted order at every level: the same record always gives the same bytes. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash a record must carry: over everything in it but the hash itself. */
export function auditHash(record: Omit<AuditRecord, 'hash'>): string {
  const { seq, prevHash, at, actor, action, resource, outcome } = record;
  return createHash('sha256').update(canonical({ seq, prevHash, at, actor, action, resource, outcome })).digest('hex');
}

/**
 * A record's canonical form cut where its place in the chain goes: `beforePrevHash + prevHash + beforeSeq + seq +
 * afterSeq` is what `auditHash` hashes (prevHash in hex, seq in decimal). The database fills the holes with the head it
 * finds and hashes the result itself, so that an append reads the head and inserts after it in one statement.
 */
export interface AuditHashTemplate {
  readonly beforePrevHash: string;
  readonly beforeSeq: string;
  readonly afterSeq: string;
}

const PREV_HASH = Symbol('prevHash');
const SEQ = Symbol('seq');

export function auditHashTemplate(entry: AuditEntry): AuditHashTemplate {
  const { at, actor, action, resource, outcome } = entry;
  const fields = Object.entries({ seq: SEQ, prevHash: PREV_HASH, at, actor, action, resource, outcome })
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const pieces: string[] = [];
  let text = '{';
  fields.forEach(([key, item], i) => {
    text += `${i > 0 ? ',' : ''}${JSON.stringify(key)}:`;
    if (item === PREV_HASH) {
      pieces.push(`${text}"`);
      text = '"';
    } else if (item === SEQ) {
      pieces.push(text);
      text = '';
    } else text += canonical(item);
  });
  const [beforePrevHash, beforeSeq] = pieces as [string, string];
  return { beforePrevHash, beforeSeq, afterSeq: `${text}}` };
}
