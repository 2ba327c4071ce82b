import { NodeChannels } from './node-channels';
import { NotifiedWorker } from './notified-worker';
import { notify } from './notify';
import type { NodeDatabase } from './node-database.schema';
import { ScratchDatabase } from './scratch-database';

const eventually = async (check: () => boolean, ms = 5_000): Promise<void> => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('not in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('NotifiedWorker (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_worker');
  }, 60_000);

  afterAll(() => scratch?.drop());

  describe('start', () => {
    it('should run a round at start, then at each committed notification long before its sweep is due', async () => {
      let rounds = 0;
      const worker = new NotifiedWorker(
        async () => {
          rounds++;
          return false;
        },
        {
          url: scratch.url,
          channels: [NodeChannels.outbox],
          sweepMs: 60_000,
          errorMs: 1_000,
          onError: () => undefined,
        },
      );
      worker.start();
      // At start, and once listening (it started in the background): waited for, not slept on.
      await eventually(() => rounds === 2);
      const before = rounds;

      await scratch.db.transaction().execute((trx) => notify(trx, NodeChannels.outbox));

      await eventually(() => rounds === before + 1);
      await worker.stop();
    });

    it('should run one more round when notified during a round, and none when notified on another channel', async () => {
      let rounds = 0;
      let release: () => void = () => undefined;
      const worker = new NotifiedWorker(
        async () => {
          rounds++;
          if (rounds === 3) await new Promise<void>((resolve) => (release = resolve));
          return false;
        },
        { url: scratch.url, channels: [NodeChannels.inbox], sweepMs: 60_000, errorMs: 1_000, onError: () => undefined },
      );
      worker.start();
      await eventually(() => rounds === 2); // at start, and once listening
      await notify(scratch.db, NodeChannels.inbox);
      await eventually(() => rounds === 3);

      await notify(scratch.db, NodeChannels.inbox);
      await notify(scratch.db, NodeChannels.outbox);
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();

      await eventually(() => rounds === 4);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(rounds).toBe(4);
      await worker.stop();
    });

    it('should answer the notifications that come soon after a round with one round, once gatherMs have passed', async () => {
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      let rounds = 0;
      const worker = new NotifiedWorker(
        async () => {
          rounds++;
          return false;
        },
        {
          url: scratch.url,
          channels: [NodeChannels.outbox],
          sweepMs: 60_000,
          // Wide enough that a busy machine's pauses (hundreds of ms) do not blur 'at once' and 'once gathered'.
          gatherMs: 2_000,
          errorMs: 1_000,
          onError: () => undefined,
        },
      );
      worker.start();
      await eventually(() => rounds === 2); // at start, and once listening
      await pause(2_200);
      // After a quiet spell a notification is answered at once.
      const quietAt = Date.now();
      await notify(scratch.db, NodeChannels.outbox);
      await eventually(() => rounds === 3);
      expect(Date.now() - quietAt).toBeLessThan(1_000);

      for (let i = 0; i < 3; i++) await notify(scratch.db, NodeChannels.outbox);
      await pause(200);
      expect(rounds).toBe(3);
      await eventually(() => rounds === 4);
      await pause(2_200);
      expect(rounds).toBe(4);
      await worker.stop();
    }, 15_000);
  });
});
