import { randomUUID } from 'node:crypto';
import type { InboxEntry } from './inbox-entry';
import { InboxStore } from './inbox.store';
import type { NodeDatabase } from './postgres/node-database.schema';
import { ScratchDatabase } from './postgres/scratch-database';

function entry(caseId: string, at: number, id: string = randomUUID()): InboxEntry {
  return {
    envelopeId: id,
    type: 'referral.accepted.v1',
    from: 'EC',
    caseId,
    correlationId: caseId,
    sentAt: new Date(at),
    receivedAt: new Date(at),
    digest: 'sha-256',
    sealedPayload: 'sealed',
  };
}

describe('InboxStore (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  let inbox: InboxStore;

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_inbox');
    inbox = new InboxStore(scratch.db);
  }, 60_000);

  afterAll(() => scratch?.drop());

  beforeEach(() => scratch.db.deleteFrom('inbox').execute());

  describe('record', () => {
    it('should store a batch in one statement, a duplicate within the batch once', async () => {
      const caseId = randomUUID();
      const first = entry(caseId, 1);
      const second = entry(caseId, 2);

      const results = await inbox.record([first, second, { ...first }]);

      expect(results).toEqual(['stored', 'stored', 'duplicate']);
      const rows = await scratch.db.selectFrom('inbox').select('envelope_id').orderBy('seq').execute();
      expect(rows.map((row) => row.envelope_id)).toEqual([first.envelopeId, second.envelopeId]);
    });

    it('should report envelopes stored by an earlier batch as duplicates and keep the stored entry as it was', async () => {
      const caseId = randomUUID();
      const first = entry(caseId, 1);
      await inbox.record([first]);
      await inbox.markApplied([first.envelopeId], new Date());

      const results = await inbox.record([entry(caseId, 3), { ...first, sealedPayload: 'again' }]);

      expect(results).toEqual(['stored', 'duplicate']);
      const stored = await scratch.db
        .selectFrom('inbox')
        .selectAll()
        .where('envelope_id', '=', first.envelopeId)
        .executeTakeFirstOrThrow();
      expect(stored.applied_at).not.toBeNull();
      expect(stored.sealed_payload).toBeNull();
    });

    it('should store one entry once when two couriers store the same batch at the same time', async () => {
      const batch = [entry(randomUUID(), 1), entry(randomUUID(), 2)];
      const other = new InboxStore(await scratch.open(2));

      const [mine, theirs] = await Promise.all([inbox.record(batch), other.record(batch)]);

      const stored = [...mine, ...theirs].filter((result) => result === 'stored');
      expect(stored).toHaveLength(2);
      expect(await scratch.db.selectFrom('inbox').select('envelope_id').execute()).toHaveLength(2);
    });
  });

  describe('findUnappliedWithKeys', () => {
    it('should give the same entries with the stored keys of their cases, read in the same statement', async () => {
      const [keyed, erased, keyless] = [randomUUID(), randomUUID(), randomUUID()];
      const at = new Date();
      await scratch.db
        .insertInto('case_keys')
        .values([
          { case_id: keyed, wrapped_key: 'wrapped', kek_id: 'kek', created_at: at },
          { case_id: erased, wrapped_key: null, kek_id: null, created_at: at, destroyed_at: at },
        ])
        .execute();
      const entries = [entry(keyed, 1), entry(erased, 2), entry(keyless, 3), entry(keyed, 4)];
      await inbox.record(entries);

      const { entries: found, keys } = await inbox.findUnappliedWithKeys(10);

      expect(found).toEqual(await inbox.findUnapplied(10));
      expect(found.map((item) => item.envelopeId)).toEqual(entries.map((item) => item.envelopeId));
      expect(Object.fromEntries(keys)).toEqual({
        [keyed]: { case_id: keyed, wrapped_key: 'wrapped', destroyed_at: null },
        [erased]: { case_id: erased, wrapped_key: null, destroyed_at: at },
      });
    });
  });

  describe('findUnapplied', () => {
    it('should give the unapplied entries in arrival order, without the applied and the rejected', async () => {
      const caseId = randomUUID();
      const [applied, rejected, waiting, later] = [
        entry(caseId, 1),
        entry(caseId, 2),
        entry(caseId, 3),
        entry(caseId, 4),
      ];
      await inbox.record([applied, rejected, waiting, later]);
      await inbox.markApplied([applied.envelopeId], new Date());
      await inbox.markRejected(rejected.envelopeId, { code: 'UNKNOWN_CASE', detail: 'no such case' });

      const found = await inbox.findUnapplied(10);

      expect(found.map((item) => item.envelopeId)).toEqual([waiting.envelopeId, later.envelopeId]);
      expect(found[0]).toMatchObject({ caseId, from: 'EC', sealedPayload: 'sealed', attempts: 0 });
    });

    it('should hold a postponed entry back until its time, unless another entry of its case is due', async () => {
      const early = entry(randomUUID(), 1);
      const alone = entry(randomUUID(), 2);
      await inbox.record([early, alone]);
      const until = new Date(Date.now() + 60_000);
      await inbox.postpone(early.envelopeId, until);
      await inbox.postpone(alone.envelopeId, until);
      expect(await inbox.findUnapplied(10)).toEqual([]);

      const follower = entry(early.caseId, 3);
      await inbox.record([follower]);

      const found = await inbox.findUnapplied(10);
      expect(found.map((item) => item.envelopeId)).toEqual([early.envelopeId, follower.envelopeId]);
      expect(found[0]?.attempts).toBe(1);
      expect((await inbox.findUnapplied(10, new Date(until.getTime() + 1))).map((item) => item.envelopeId)).toContain(
        alone.envelopeId,
      );
    });
  });

  describe('lockUnsettled', () => {
    it('should make a second applier wait for the first, then find the entries settled', async () => {
      const item = entry(randomUUID(), 1);
      await inbox.record([item]);
      const other = await scratch.open(2);
      const order: string[] = [];
      let second: Promise<Set<string>> | undefined;

      await scratch.db.transaction().execute(async (trx) => {
        expect(await inbox.lockUnsettled(trx, [item.envelopeId])).toEqual(new Set([item.envelopeId]));
        second = other.transaction().execute(async (otherTrx) => {
          const found = await inbox.lockUnsettled(otherTrx, [item.envelopeId]);
          order.push('second');
          return found;
        });
        await new Promise((resolve) => setTimeout(resolve, 200));
        order.push('first');
        await inbox.markApplied([item.envelopeId], new Date(), trx);
      });
      // The second applier's answer awaited, not slept on: it may come late on a busy machine, but comes after.
      expect((await second)?.size).toBe(0);
      expect(order).toEqual(['first', 'second']);
    });
  });
});
