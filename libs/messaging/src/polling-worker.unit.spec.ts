import { PollingWorker } from './polling-worker';

describe(PollingWorker.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** Advances the clock a millisecond at a time, so rounds scheduled by finished rounds run in between. */
  const flush = async (ms: number): Promise<void> => {
    for (let i = 0; i < ms; i++) await jest.advanceTimersByTimeAsync(1);
  };

  describe('start', () => {
    it('should run rounds back to back while they find work, then wait idleMs', async () => {
      const answers = [true, true, false, false];
      const round = jest.fn(async () => answers.shift() ?? false);
      const worker = new PollingWorker(round, { idleMs: 1000, errorMs: 5000, onError: jest.fn() });

      worker.start();
      await flush(5);
      expect(round).toHaveBeenCalledTimes(3); // two busy rounds, then the first idle one
      await flush(990);
      expect(round).toHaveBeenCalledTimes(3);
      await flush(10);
      expect(round).toHaveBeenCalledTimes(4);
      await worker.stop();
    });

    it('should report a failed round and try again after errorMs', async () => {
      const failure = new Error('database away');
      const round = jest.fn().mockRejectedValueOnce(failure).mockResolvedValue(false);
      const onError = jest.fn();
      const worker = new PollingWorker(round, { idleMs: 100, errorMs: 5000, onError, random: () => 0.999 });

      worker.start();
      await flush(1);
      expect(onError).toHaveBeenCalledWith(failure, 1);
      await flush(4990);
      expect(round).toHaveBeenCalledTimes(1);
      await flush(20);
      expect(round).toHaveBeenCalledTimes(2);
      await worker.stop();
    });
  });

  describe('errorDelayMs', () => {
    it('should double the pause with each failure in a row, up to maxErrorMs, jittered between half and all of it', () => {
      const at = (random: number) =>
        new PollingWorker(jest.fn(), {
          idleMs: 1,
          errorMs: 1000,
          maxErrorMs: 8000,
          onError: jest.fn(),
          random: () => random,
        });
      expect([1, 2, 3, 4, 5, 40].map((n) => at(0).errorDelayMs(n))).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
      expect([1, 2, 3, 4, 5, 40].map((n) => at(1).errorDelayMs(n))).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    });

    it('should start again from errorMs after a round succeeds', async () => {
      const failure = new Error('broker away');
      const round = jest
        .fn()
        .mockRejectedValueOnce(failure)
        .mockRejectedValueOnce(failure)
        .mockResolvedValueOnce(false)
        .mockRejectedValueOnce(failure)
        .mockResolvedValue(false);
      const onError = jest.fn();
      const worker = new PollingWorker(round, { idleMs: 10, errorMs: 100, onError, random: () => 0.999 });
      worker.start();
      await flush(400);
      expect(onError.mock.calls.map(([, n]) => n)).toEqual([1, 2, 1]);
      await worker.stop();
    });
  });

  describe('stop', () => {
    it('should wait for the round under way and start no other', async () => {
      let finish: (busy: boolean) => void = () => undefined;
      const round = jest.fn(() => new Promise<boolean>((resolve) => (finish = resolve)));
      const worker = new PollingWorker(round, { idleMs: 10, errorMs: 10, onError: jest.fn() });
      worker.start();
      await flush(1);

      let stopped = false;
      const stopping = worker.stop().then(() => (stopped = true));
      await flush(1);
      expect(stopped).toBe(false);
      finish(true);
      await stopping;
      await flush(100);
      expect(round).toHaveBeenCalledTimes(1);
    });
  });
});
