export interface PollingWorkerOptions {
  /** Pause between rounds that found nothing to do. */
  readonly idleMs: number;
  /** Pause after a round that failed (the database or broker away): the work is retried, never dropped. */
  readonly errorMs: number;
  /** Called with the error of a failed round; the worker goes on. */
  readonly onError: (error: Error) => void;
}

/**
 * Runs one round of work after another: at once while rounds find work, after `idleMs` when they find none, and
 * after `errorMs` when one fails. Stopping waits for the round under way, so nothing is cut in half.
 */
export class PollingWorker {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  /** `round` returns whether it found work, so the next one starts at once. */
  constructor(
    private readonly round: () => Promise<boolean>,
    private readonly options: PollingWorkerOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round().then(
        (busy) => this.schedule(busy ? 0 : this.options.idleMs),
        (error: Error) => {
          this.options.onError(error);
          this.schedule(this.options.errorMs);
        },
      );
    }, delayMs);
  }
}
