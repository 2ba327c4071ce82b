export interface PollingWorkerOptions {
  /** Pause between rounds that found nothing to do. */
  readonly idleMs: number;
  /**
   * Pause after the first failed round (the database or broker away); each further failure in a row doubles it, up
   * to `maxErrorMs`, with jitter, so that many workers of many nodes do not hammer a returning server in step.
   * The work is retried, never dropped.
   */
  readonly errorMs: number;
  /** Longest pause between failed rounds; default 15 s. */
  readonly maxErrorMs?: number;
  /** Called with the error of a failed round and how many failed in a row; the worker goes on. */
  readonly onError: (error: Error, failuresInARow: number) => void;
  /** Source of jitter in [0, 1); default Math.random. */
  readonly random?: () => number;
}

const DEFAULT_MAX_ERROR_MS = 15_000;

/**
 * Runs one round of work after another: at once while rounds find work, after `idleMs` when they find none, and
 * after an exponentially growing, jittered pause while they fail. Stopping waits for the round under way, so
 * nothing is cut in half, and cuts short any pause.
 */
export class PollingWorker {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private failuresInARow = 0;

  /** `round` returns whether it found work, so the next one starts at once. */
  constructor(
    private readonly round: () => Promise<boolean>,
    private readonly options: PollingWorkerOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.failuresInARow = 0;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** The pause after the n-th failure in a row: half of the capped exponential delay, plus up to as much again. */
  errorDelayMs(failuresInARow: number): number {
    const cap = Math.max(this.options.maxErrorMs ?? DEFAULT_MAX_ERROR_MS, this.options.errorMs);
    const exponential = Math.min(cap, this.options.errorMs * 2 ** Math.min(failuresInARow - 1, 30));
    return Math.round(exponential / 2 + (exponential / 2) * (this.options.random ?? Math.random)());
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round().then(
        (busy) => {
          this.failuresInARow = 0;
          this.schedule(busy ? 0 : this.options.idleMs);
        },
        (error: Error) => {
          this.failuresInARow++;
          this.options.onError(error, this.failuresInARow);
          this.schedule(this.errorDelayMs(this.failuresInARow));
        },
      );
    }, delayMs);
  }
}
