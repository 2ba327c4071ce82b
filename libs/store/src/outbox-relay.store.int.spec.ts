import { randomUUID } from 'node:crypto';
import type { OutboxEntry } from './outbox-entry';
import { OutboxRelayStore } from './outbox-relay.store';
import { outboxRowOf } from './outbox-rows';
import type { NodeDatabase } from './postgres/node-database.schema';
import { ScratchDatabase } from './postgres/scratch-database';

function entry(caseId: string): OutboxEntry {
  return {
    envelopeId: randomUUID(),
    type: 'referral.requested.v1',
    to: 'EC',
    caseId,
    correlationId: caseId,
    sealedPayload: 'sealed',
    createdAt: new Date(),
  };
}

describe('OutboxRelayStore (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_outbox');
  }, 60_000);

  afterAll(() => scratch?.drop());

  beforeEach(() => scratch.db.deleteFrom('outbox').execute());

  const write = async (entries: OutboxEntry[]): Promise<void> => {
    await scratch.db
      .insertInto('outbox')
      .values(entries.map((item) => outboxRowOf(item, 'referral')))
      .execute();
  };

  describe('relay', () => {
    it('should bring, with the claim, the stored keys of the cases whose entries rest sealed, and only those', async () => {
      const [sealedCase, erasedCase, clearCase, keylessCase] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const at = new Date();
      await scratch.db
        .insertInto('case_keys')
        .values([
          { case_id: sealedCase, wrapped_key: 'wrapped-1', kek_id: 'kek', created_at: at },
          { case_id: erasedCase, wrapped_key: null, kek_id: null, created_at: at, destroyed_at: at },
          { case_id: clearCase, wrapped_key: 'wrapped-3', kek_id: 'kek', created_at: at },
        ])
        .execute();
      const { sealedPayload: _sealed, ...inClear } = entry(clearCase);
      await write([
        entry(sealedCase),
        entry(sealedCase),
        entry(erasedCase),
        { ...inClear, payload: {} },
        entry(keylessCase),
      ]);
      let handed: ReadonlyMap<string, unknown> = new Map();

      await new OutboxRelayStore(scratch.db).relay(10, async (batch, keys) => {
        handed = keys;
        return { sent: batch.map((item) => item.envelopeId), undeliverable: [] };
      });

      expect(Object.fromEntries(handed)).toEqual({
        [sealedCase]: { case_id: sealedCase, wrapped_key: 'wrapped-1', destroyed_at: null },
        [erasedCase]: { case_id: erasedCase, wrapped_key: null, destroyed_at: at },
      });
    });

    it('should hand over unsent entries in the order written and mark what was sent and what was set aside', async () => {
      const caseId = randomUUID();
      const [first, second, third] = [entry(caseId), entry(caseId), entry(caseId)];
      const entries = [first, second, third];
      await write(entries);
      const store = new OutboxRelayStore(scratch.db);
      const handed: string[] = [];

      const claimed = await store.relay(10, async (batch) => {
        handed.push(...batch.map((item) => item.envelopeId));
        return {
          sent: [first.envelopeId, third.envelopeId],
          undeliverable: [{ envelopeId: second.envelopeId, reason: 'UNKNOWN_RECIPIENT' }],
        };
      });

      expect(claimed).toBe(3);
      expect(handed).toEqual(entries.map((item) => item.envelopeId));
      const rows = await scratch.db.selectFrom('outbox').selectAll().orderBy('seq').execute();
      expect(rows.map((row) => [row.sent_at !== null, row.undeliverable_reason, row.sealed_payload])).toEqual([
        [true, null, null],
        [false, 'UNKNOWN_RECIPIENT', 'sealed'],
        [true, null, null],
      ]);
      expect(await store.relay(10, () => Promise.reject(new Error('nothing left to send')))).toBe(0);
    });

    it('should never hand one entry to two relays working at the same time', async () => {
      const entries = Array.from({ length: 200 }, () => entry(randomUUID()));
      await write(entries);
      const mine = new OutboxRelayStore(scratch.db);
      const theirs = new OutboxRelayStore(await scratch.open(4));
      const sent: string[] = [];

      const drain = async (store: OutboxRelayStore): Promise<void> => {
        while (
          (await store.relay(25, async (batch) => {
            await new Promise((resolve) => setTimeout(resolve, 5));
            sent.push(...batch.map((item) => item.envelopeId));
            return { sent: batch.map((item) => item.envelopeId), undeliverable: [] };
          })) > 0
        );
      };
      await Promise.all([drain(mine), drain(theirs), drain(mine), drain(theirs)]);

      expect(sent).toHaveLength(entries.length);
      expect(new Set(sent).size).toBe(entries.length);
    });

    it('should hand the same entries again after a relay failed before its commit', async () => {
      const entries = [entry(randomUUID()), entry(randomUUID())];
      await write(entries);
      const store = new OutboxRelayStore(scratch.db);

      await expect(
        store.relay(10, () => Promise.reject(new Error('the process died after producing'))),
      ).rejects.toThrow('died');
      const again: string[] = [];
      await store.relay(10, async (batch) => {
        again.push(...batch.map((item) => item.envelopeId));
        return { sent: batch.map((item) => item.envelopeId), undeliverable: [] };
      });

      expect(again).toEqual(entries.map((item) => item.envelopeId));
    });
  });
});
