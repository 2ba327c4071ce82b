import type { InboundRecord } from '@enlace/messaging';
import { InboundBatchCoalescer } from './inbound-batch-coalescer';

function records(partition: number, ...offsets: number[]): InboundRecord[] {
  return offsets.map((offset) => ({
    topic: 'enlace.test.inbox.EC',
    partition,
    offset: String(offset),
    key: null,
    value: Buffer.from(`${partition}@${offset}`),
    headers: {},
  }));
}

const labels = (batch: readonly InboundRecord[]) => batch.map((record) => `${record.partition}@${record.offset}`);

describe(InboundBatchCoalescer, () => {
  describe('handle', () => {
    it('should hand the batches given in one turn of the event loop to the handler as one, each in its order', async () => {
      const calls: string[][] = [];
      const coalescer = new InboundBatchCoalescer(async (batch) => {
        calls.push(labels(batch));
      });

      await Promise.all([
        coalescer.handle(records(0, 5, 6)),
        coalescer.handle(records(1, 9)),
        coalescer.handle(records(2, 1, 2, 3)),
      ]);

      expect(calls).toEqual([['0@5', '0@6', '1@9', '2@1', '2@2', '2@3']]);
    });

    it('should not resolve any caller before the merged call has finished', async () => {
      let finish: () => void = () => undefined;
      const coalescer = new InboundBatchCoalescer(() => new Promise<void>((resolve) => (finish = resolve)));
      const settled: number[] = [];

      const first = coalescer.handle(records(0, 1)).then(() => settled.push(0));
      const second = coalescer.handle(records(1, 1)).then(() => settled.push(1));
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(settled).toEqual([]);

      finish();
      await Promise.all([first, second]);
      expect(settled.sort()).toEqual([0, 1]);
    });

    it('should fail every batch of a merged call that failed, so that each partition gets its records again', async () => {
      const coalescer = new InboundBatchCoalescer(() => Promise.reject(new Error('database away')));

      const outcomes = await Promise.allSettled([coalescer.handle(records(0, 1)), coalescer.handle(records(1, 1))]);

      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    });

    it('should give a batch that comes while a merged call is under way to the next call', async () => {
      const calls: string[][] = [];
      let finishFirst: () => void = () => undefined;
      const coalescer = new InboundBatchCoalescer((batch) => {
        calls.push(labels(batch));
        return calls.length === 1 ? new Promise<void>((resolve) => (finishFirst = resolve)) : Promise.resolve();
      });

      const first = coalescer.handle(records(0, 1));
      await new Promise((resolve) => setImmediate(resolve));
      const second = coalescer.handle(records(1, 7));
      await second;
      expect(calls).toEqual([['0@1'], ['1@7']]);

      finishFirst();
      await first;
    });
  });
});
