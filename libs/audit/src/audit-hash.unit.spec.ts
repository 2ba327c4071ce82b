import { createHash, randomBytes } from 'node:crypto';
import { auditHash, auditHashTemplate } from './audit-hash';
import { AuditEntry, GENESIS_HASH } from './audit-record';

function filled(entry: AuditEntry, seq: number, prevHash: string): string {
  const { beforePrevHash, beforeSeq, afterSeq } = auditHashTemplate(entry);
  return createHash('sha256').update(`${beforePrevHash}${prevHash}${beforeSeq}${seq}${afterSeq}`).digest('hex');
}

const someText = (): string =>
  String.fromCodePoint(
    ...Array.from(
      { length: 12 },
      () => [0x22, 0x5c, 0x0a, 0x41, 0xe9, 0x1f600, 0x7b][Math.floor(Math.random() * 7)] as number,
    ),
  );

describe(auditHashTemplate.name, () => {
  it('should give, filled with a place in the chain, the bytes auditHash hashes', () => {
    for (let n = 0; n < 200; n++) {
      const entry: AuditEntry = {
        at: new Date(Date.UTC(2026, 0, 1) + n * 997).toISOString(),
        actor: n % 4 === 0 ? null : { username: someText(), country: 'CO', roles: ['focal-point', someText()] },
        action: `POST /api/v1/${someText()}`,
        resource: n % 3 === 0 ? {} : { referral: someText(), [someText()]: someText() },
        outcome: 200 + n,
      };
      const seq = 1 + n * 7919;
      const prevHash = n === 0 ? GENESIS_HASH : randomBytes(32).toString('hex');

      expect(filled(entry, seq, prevHash)).toBe(auditHash({ ...entry, seq, prevHash }));
    }
  });
});
