import { Logger } from '@nestjs/common';
import { PersonalDataVault } from '@enlace/privacy';
import { InboxEntry, InboxStore } from '@enlace/store';
import { mongo } from 'mongoose';
import { NodeApiConfig } from '../config/node-api.config';
import {
  APPLY_BATCH,
  InboxApplierService,
  MAX_APPLY_TRIES,
  OUT_OF_ORDER_WAIT_MS,
  PARALLEL_CASES,
} from './inbox-applier.service';
import { APPLIED, ApplyOutcome, InboxMessageApplier } from './inbox-message.applier';

const entry = (id: string): InboxEntry => ({
  _id: id,
  type: 'referral.requested.v1',
  from: 'CO',
  caseId: `case-${id}`,
  correlationId: `case-${id}`,
  sentAt: new Date(),
  receivedAt: new Date(),
  digest: 'digest',
  payload: {},
  appliedAt: null,
  rejection: null,
});

/** The inbox collection in memory: what is neither applied nor set aside is pending, in queue order. */
function inboxFake(entries: InboxEntry[]) {
  const rejected = new Map<string, { code: string; detail: string }>();
  const applied = new Set<string>();
  let queue = [...entries];
  const store = {
    rejected,
    applied,
    async findUnapplied(limit: number) {
      return queue.filter((e) => !applied.has(e._id) && !rejected.has(e._id)).slice(0, limit);
    },
    async postpone(id: string) {
      const waiting = queue.filter((e) => e._id === id);
      queue = [...queue.filter((e) => e._id !== id), ...waiting];
    },
    async markApplied(id: string) {
      applied.add(id);
    },
    async markRejected(id: string, rejection: { code: string; detail: string }) {
      rejected.set(id, rejection);
    },
  };
  return store;
}

function applierFailingWith(failing: string, error: () => Error): InboxMessageApplier {
  return {
    handles: () => true,
    holdsCase: async () => true,
    apply: async (e) => {
      if (e._id === failing) throw error();
      return APPLIED;
    },
    applyReceipt: async () => APPLIED,
  };
}

describe(InboxApplierService.name, () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));

  const serviceWith = (inbox: ReturnType<typeof inboxFake>, applier: InboxMessageApplier) =>
    // The entries here carry no sealed payload: the vault is never asked.
    new InboxApplierService(
      { inboxPollMs: 100 } as NodeApiConfig,
      inbox as unknown as InboxStore,
      [applier],
      {} as PersonalDataVault,
    );

  describe('applyPending', () => {
    it(`should set aside as APPLY_FAILED an entry that fails ${MAX_APPLY_TRIES} rounds for no passing cause, holding up only its own case`, async () => {
      const sameCase = { ...entry('after-poison'), caseId: 'case-poison' };
      const inbox = inboxFake([entry('poison'), sameCase, entry('other-case')]);
      const service = serviceWith(
        inbox,
        applierFailingWith('poison', () => new TypeError('a bug, not an outage')),
      );

      for (let round = 1; round < MAX_APPLY_TRIES; round++)
        await expect(service.applyPending()).rejects.toThrow(TypeError);
      expect(inbox.rejected.size).toBe(0);
      expect([...inbox.applied]).toEqual(['other-case']);

      await service.applyPending();

      expect(inbox.rejected.get('poison')?.code).toBe('APPLY_FAILED');
      expect(inbox.rejected.get('poison')?.detail).not.toContain('a bug');
      expect([...inbox.applied]).toEqual(['other-case', 'after-poison']);
    });

    it('should apply one case’s entries in arrival order while it applies other cases alongside', async () => {
      const oneCase = ['first', 'second', 'third'].map((id) => ({ ...entry(id), caseId: 'case-ordered' }));
      const others = Array.from({ length: 20 }, (_, n) => entry(`other-${n}`));
      const inbox = inboxFake(
        [oneCase[0], ...others.slice(0, 10), oneCase[1], ...others.slice(10), oneCase[2]].filter(
          (e): e is InboxEntry => e !== undefined,
        ),
      );
      const order: string[] = [];
      let inFlight = 0;
      let mostAtOnce = 0;
      const service = serviceWith(inbox, {
        handles: () => true,
        holdsCase: async () => true,
        apply: async (e) => {
          inFlight++;
          mostAtOnce = Math.max(mostAtOnce, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          order.push(e._id);
          inFlight--;
          return APPLIED;
        },
        applyReceipt: async () => APPLIED,
      });

      await service.applyPending();

      expect(order.filter((id) => oneCase.some((e) => e._id === id))).toEqual(['first', 'second', 'third']);
      expect(inbox.applied.size).toBe(23);
      expect(mostAtOnce).toBeGreaterThan(1);
      expect(mostAtOnce).toBeLessThanOrEqual(PARALLEL_CASES);
    });

    it('should never set an entry aside while the database is away, however many rounds fail', async () => {
      const inbox = inboxFake([entry('waiting')]);
      const service = serviceWith(
        inbox,
        applierFailingWith('waiting', () => new mongo.MongoNetworkError('closed')),
      );

      for (let round = 0; round < MAX_APPLY_TRIES * 2; round++) await expect(service.applyPending()).rejects.toThrow();

      expect(inbox.rejected.size).toBe(0);
    });

    it('should leave a message that came before the one it follows in the inbox, apply the rest, and apply it once it fits', async () => {
      const early = entry('closed-before-started');
      const inbox = inboxFake([early, entry('started')]);
      let started = false;
      const applier: InboxMessageApplier = {
        handles: () => true,
        holdsCase: async () => true,
        apply: async (e): Promise<ApplyOutcome> => {
          if (e._id === 'started') started = true;
          else if (!started) return { applied: false, deferred: true, code: 'OUT_OF_ORDER', detail: 'waits' };
          return APPLIED;
        },
        applyReceipt: async () => APPLIED,
      };
      const service = serviceWith(inbox, applier);

      await service.applyPending();
      expect([...inbox.applied]).toEqual(['started']);
      expect(inbox.rejected.size).toBe(0);

      await service.applyPending();
      expect([...inbox.applied]).toEqual(['started', 'closed-before-started']);
    });

    it('should not let a full batch of waiting messages hold up the entries queued behind them', async () => {
      const waiting = Array.from({ length: APPLY_BATCH }, (_, n) => entry(`waiting-${n}`));
      const inbox = inboxFake([...waiting, entry('ready')]);
      const service = serviceWith(inbox, {
        handles: () => true,
        holdsCase: async () => true,
        apply: async (e): Promise<ApplyOutcome> =>
          e._id === 'ready' ? APPLIED : { applied: false, deferred: true, code: 'OUT_OF_ORDER', detail: 'waits' },
        applyReceipt: async () => APPLIED,
      });

      await service.applyPending();
      await service.applyPending();

      expect([...inbox.applied]).toEqual(['ready']);
      expect(inbox.rejected.size).toBe(0);
    });

    it('should set aside as OUT_OF_ORDER a message whose predecessor has not come for OUT_OF_ORDER_WAIT_MS', async () => {
      const stale = { ...entry('stale'), receivedAt: new Date(Date.now() - OUT_OF_ORDER_WAIT_MS - 1) };
      const inbox = inboxFake([stale]);
      const service = serviceWith(inbox, {
        handles: () => true,
        holdsCase: async () => true,
        apply: async () => ({ applied: false, deferred: true, code: 'OUT_OF_ORDER', detail: 'waits' }),
        applyReceipt: async () => APPLIED,
      });

      await service.applyPending();

      expect(inbox.rejected.get('stale')?.code).toBe('OUT_OF_ORDER');
    });
  });
});
