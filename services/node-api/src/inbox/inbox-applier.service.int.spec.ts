import { Logger } from '@nestjs/common';
import { PersonalDataVault } from '@enlace/privacy';
import { InboxEntry, InboxStore, NodeDatabase, ScratchDatabase } from '@enlace/store';
import { randomUUID } from 'node:crypto';
import { NodeApiConfig } from '../config/node-api.config';
import { NodeTransactions } from '../database/node-transactions';
import { SealedCaseContent } from '../privacy/sealed-case-content';
import {
  APPLY_BATCH,
  InboxApplierService,
  MAX_APPLY_TRIES,
  OUT_OF_ORDER_MAX_REST_MS,
  OUT_OF_ORDER_RETRY_MS,
  PARALLEL_CASES,
} from './inbox-applier.service';
import { APPLIED, ApplyOutcome, InboxMessageApplier } from './inbox-message.applier';

let arrival = Date.now();

/** An entry named `name` (its type says it, so the appliers below can tell them apart), of its own case or `caseId`. */
const entry = (name: string, caseId = `case-${name}-${randomUUID()}`): InboxEntry => ({
  envelopeId: randomUUID(),
  type: `return.${name}.v1`,
  from: 'CO',
  caseId,
  correlationId: caseId,
  sentAt: new Date(),
  receivedAt: new Date(arrival++),
  digest: 'digest',
});

const nameOf = (e: InboxEntry): string => e.type.split('.')[1] ?? '';

/** The protocols' side, reduced to what this service needs of it: an outcome per message, in arrival order. */
function applierWith(apply: (e: InboxEntry) => Promise<ApplyOutcome>): InboxMessageApplier {
  return { protocolName: 'return', handles: () => true, apply, applyReceipt: async () => APPLIED };
}

describe('InboxApplierService (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  let inbox: InboxStore;

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    scratch = await ScratchDatabase.forNode('int_applier');
    inbox = new InboxStore(scratch.db);
  }, 60_000);

  afterAll(() => scratch?.drop());

  beforeEach(() => scratch.db.deleteFrom('inbox').execute());

  // The entries here carry no sealed payload and their cases no key: the vault finds none.
  const noKeys = {
    keysOf: async () => new Map(),
    keysFrom: async () => new Map(),
    openWith: async () => undefined,
  } as unknown as PersonalDataVault;

  const serviceWith = (applier: InboxMessageApplier, transactions = new NodeTransactions(scratch.db)) =>
    new InboxApplierService(
      { inboxPollMs: 5_000, databaseUrl: scratch.url, databaseMaxConnections: 10 } as NodeApiConfig,
      inbox,
      transactions,
      [applier],
      noKeys,
      new SealedCaseContent(noKeys, transactions),
    );

  const settled = async () => {
    const rows = await scratch.db.selectFrom('inbox').selectAll().orderBy('seq').execute();
    return {
      applied: rows.filter((row) => row.applied_at !== null).map((row) => nameOf({ type: row.type } as InboxEntry)),
      rejected: new Map(
        rows
          .filter((row) => row.rejection_code !== null)
          .map((row) => [
            nameOf({ type: row.type } as InboxEntry),
            { code: row.rejection_code, detail: row.rejection_detail },
          ]),
      ),
    };
  };

  describe('applyPending', () => {
    it(`should set aside as APPLY_FAILED an entry that fails ${MAX_APPLY_TRIES} rounds for no passing cause, holding up only its own case`, async () => {
      const poison = entry('poison');
      await inbox.record([poison, entry('afterpoison', poison.caseId), entry('othercase')]);
      const service = serviceWith(
        applierWith(async (e) => {
          if (nameOf(e) === 'poison') throw new TypeError('a bug, not an outage');
          return APPLIED;
        }),
      );

      for (let round = 1; round < MAX_APPLY_TRIES; round++)
        await expect(service.applyPending()).rejects.toThrow(TypeError);
      expect((await settled()).rejected.size).toBe(0);
      expect((await settled()).applied).toEqual(['othercase']);

      await service.applyPending();

      const { applied, rejected } = await settled();
      expect(rejected.get('poison')?.code).toBe('APPLY_FAILED');
      expect(rejected.get('poison')?.detail).not.toContain('a bug');
      expect(applied).toEqual(['afterpoison', 'othercase']);
    });

    it('should apply one case’s entries in arrival order, and the whole round in one transaction', async () => {
      const caseId = randomUUID();
      const [first, second, third] = [entry('first', caseId), entry('second', caseId), entry('third', caseId)];
      const others = Array.from({ length: 20 }, (_, n) => entry(`other${n}`));
      await inbox.record([first, ...others.slice(0, 10), second, ...others.slice(10), third]);
      const order: string[] = [];
      const transactions = jest.spyOn(scratch.db, 'transaction');
      const service = serviceWith(
        applierWith(async (e) => {
          order.push(nameOf(e));
          return APPLIED;
        }),
      );

      await service.applyPending();

      expect(order.filter((name) => ['first', 'second', 'third'].includes(name))).toEqual(['first', 'second', 'third']);
      expect(transactions).toHaveBeenCalledTimes(1);
      transactions.mockRestore();
      const rows = await scratch.db.selectFrom('inbox').select('applied_at').execute();
      expect(rows).toHaveLength(23);
      // Marked applied together, in one statement.
      expect(new Set(rows.map((row) => row.applied_at?.toISOString())).size).toBe(1);
    });

    it('should apply the cases of a failed round each in its own transaction, a few at once, in arrival order', async () => {
      const caseId = randomUUID();
      const [first, second, third] = [entry('first', caseId), entry('second', caseId), entry('third', caseId)];
      const others = Array.from({ length: 20 }, (_, n) => entry(`other${n}`));
      await inbox.record([first, ...others.slice(0, 10), second, ...others.slice(10), third]);
      const order: string[] = [];
      let failOnce = true;
      let inFlight = 0;
      let mostAtOnce = 0;
      const service = serviceWith(
        applierWith(async (e) => {
          if (nameOf(e) === 'other5' && failOnce) {
            failOnce = false;
            throw new TypeError('fails once');
          }
          inFlight++;
          mostAtOnce = Math.max(mostAtOnce, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          order.push(nameOf(e));
          inFlight--;
          return APPLIED;
        }),
      );

      await service.applyPending();

      const again = order.slice(order.lastIndexOf('first'));
      expect(again.filter((name) => ['first', 'second', 'third'].includes(name))).toEqual(['first', 'second', 'third']);
      expect((await settled()).applied).toHaveLength(23);
      expect(mostAtOnce).toBeGreaterThan(1);
      expect(mostAtOnce).toBeLessThanOrEqual(PARALLEL_CASES);
    });

    it('should undo what a case’s entries did when one of them fails, and do it once when applied one by one', async () => {
      const caseId = randomUUID();
      await inbox.record([entry('one', caseId), entry('two', caseId), entry('three', caseId)]);
      const transactions = new NodeTransactions(scratch.db);
      let failOnce = true;
      const service = serviceWith(
        applierWith(async (e) => {
          // The message's effect, written where a case change would be: in the applier's transaction.
          await transactions.executor
            .insertInto('deadline_notices')
            .values({ id: `${caseId}:${nameOf(e)}`, announcement: '{}', created_at: new Date() })
            .execute();
          if (nameOf(e) === 'three' && failOnce) {
            failOnce = false;
            throw new TypeError('fails once');
          }
          return APPLIED;
        }),
        transactions,
      );

      await service.applyPending();

      expect((await settled()).applied).toEqual(['one', 'two', 'three']);
      const effects = await scratch.db.selectFrom('deadline_notices').select('id').orderBy('id').execute();
      expect(effects.map((row) => row.id)).toEqual(['one', 'three', 'two'].map((name) => `${caseId}:${name}`));
    });

    it('should never set an entry aside while the database is away, however many rounds fail', async () => {
      await inbox.record([entry('waiting')]);
      const service = serviceWith(
        applierWith(async () => {
          throw Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
        }),
      );

      for (let round = 0; round < MAX_APPLY_TRIES * 2; round++) await expect(service.applyPending()).rejects.toThrow();

      expect((await settled()).rejected.size).toBe(0);
    });

    it('should apply a message that came before the one it follows as soon as that one is applied, in the same round', async () => {
      const caseId = randomUUID();
      await inbox.record([entry('closed', caseId), entry('started', caseId)]);
      let started = false;
      const service = serviceWith(
        applierWith(async (e): Promise<ApplyOutcome> => {
          if (nameOf(e) === 'started') started = true;
          else if (!started) return { applied: false, deferred: true, code: 'OUT_OF_ORDER', detail: 'waits' };
          return APPLIED;
        }),
      );

      await service.applyPending();

      expect((await settled()).applied).toEqual(['closed', 'started']);
    });

    it('should leave an early message waiting, and try it again when the next message of its case arrives', async () => {
      const caseId = randomUUID();
      await inbox.record([entry('closed', caseId)]);
      let started = false;
      const service = serviceWith(
        applierWith(async (e): Promise<ApplyOutcome> => {
          if (nameOf(e) === 'started') started = true;
          else if (!started) return { applied: false, deferred: true, code: 'OUT_OF_ORDER', detail: 'waits' };
          return APPLIED;
        }),
      );

      await service.applyPending();
      expect(await settled()).toEqual({ applied: [], rejected: new Map() });
      expect(await service.applyPending()).toBe(0);

      await inbox.record([entry('started', caseId)]);
      await service.applyPending();

      expect((await settled()).applied).toEqual(['closed', 'started']);
    });

    it('should not let a full batch of waiting messages hold up the entries queued behind them', async () => {
      await inbox.record([...Array.from({ length: APPLY_BATCH }, () => entry('waiting')), entry('ready')]);
      const service = serviceWith(
        applierWith(async (e): Promise<ApplyOutcome> =>
          nameOf(e) === 'ready' ? APPLIED : { applied: false, deferred: true, code: 'OUT_OF_ORDER', detail: 'waits' },
        ),
      );

      await service.applyPending();
      await service.applyPending();

      const { applied, rejected } = await settled();
      expect(applied).toEqual(['ready']);
      expect(rejected.size).toBe(0);
    });

    it('should keep a message that came before its predecessor waiting however long ago it arrived, counted as waiting', async () => {
      const early = { ...entry('early'), receivedAt: new Date(Date.now() - 7 * 86_400_000) };
      await inbox.record([early]);
      const service = serviceWith(
        applierWith(async () => ({ applied: false, deferred: true, code: 'OUT_OF_ORDER', detail: 'waits' })),
      );

      // Each round's rest, as far as the clock around the round tells it: not_before less the round's end and start.
      const rests: { readonly atLeast: number; readonly atMost: number }[] = [];
      for (let round = 0; round < 12; round++) {
        // Its rest over at once, as if the time had passed: tried again on its own each round.
        await scratch.db
          .updateTable('inbox')
          .set({ not_before: new Date(0) })
          .execute();
        const before = Date.now();
        await service.applyPending();
        const after = Date.now();
        const row = await scratch.db.selectFrom('inbox').selectAll().executeTakeFirstOrThrow();
        const notBefore = (row.not_before as Date).getTime();
        rests.push({ atLeast: notBefore - after, atMost: notBefore - before });
      }

      expect((await settled()).rejected.size).toBe(0);
      expect(await inbox.counts()).toEqual({ unapplied: 1, waiting: 1, setAside: 0 });
      expect((await inbox.listWaiting(10)).entries).toEqual([
        expect.objectContaining({ envelopeId: early.envelopeId, attempts: 12, waitingUntil: expect.any(Date) }),
      ]);
      // Each rest doubles from OUT_OF_ORDER_RETRY_MS up to its bound: a waiting entry costs little however long it waits.
      // (Measured around each round, however long the round takes, rather than within a margin of its start.)
      rests.forEach(({ atLeast, atMost }, round) => {
        const rest = Math.min(OUT_OF_ORDER_RETRY_MS * 2 ** round, OUT_OF_ORDER_MAX_REST_MS);
        expect(atLeast).toBeLessThanOrEqual(rest);
        expect(atMost).toBeGreaterThanOrEqual(rest);
      });
    });

    it('should keep the sealed payload of an entry it sets aside, and apply it once when it is put back', async () => {
      const poison = { ...entry('poison'), sealedPayload: 'the sealed message' };
      await inbox.record([poison]);
      let fixed = false;
      let applications = 0;
      const applier = applierWith(async () => {
        if (!fixed) throw new TypeError('a bug, not an outage');
        applications++;
        return APPLIED;
      });
      const service = serviceWith(applier);
      for (let round = 1; round < MAX_APPLY_TRIES; round++) await expect(service.applyPending()).rejects.toThrow();
      await service.applyPending();

      const setAside = await scratch.db.selectFrom('inbox').selectAll().executeTakeFirstOrThrow();
      expect(setAside).toMatchObject({
        rejection_code: 'APPLY_FAILED',
        sealed_payload: 'the sealed message',
        set_aside_at: expect.any(Date),
        attempts: 1,
      });
      // A redelivery of its envelope is a duplicate: this row is the only copy, and it is still there.
      expect(await inbox.record([poison])).toEqual(['duplicate']);
      expect((await inbox.listSetAside(10)).entries).toEqual([
        expect.objectContaining({
          envelopeId: poison.envelopeId,
          payloadKept: true,
          setAside: expect.objectContaining({ code: 'APPLY_FAILED' }),
        }),
      ]);

      fixed = true;
      const [one, other] = await Promise.all([inbox.reapply([poison.envelopeId]), inbox.reapply()]);
      // Two appliers (two node-api processes) take it at once: the database lets one apply it.
      await Promise.all([service.applyPending(), serviceWith(applier).applyPending()]);

      expect([...one, ...other]).toEqual([poison.envelopeId]);
      expect(applications).toBe(1);
      expect(await scratch.db.selectFrom('inbox').selectAll().executeTakeFirstOrThrow()).toMatchObject({
        applied_at: expect.any(Date),
        rejection_code: null,
        sealed_payload: null,
        reapplied: 1,
      });
      expect(await inbox.counts()).toEqual({ unapplied: 0, waiting: 0, setAside: 0 });
    });
  });
});
