import { DatabaseListener } from './database-listener';

export interface NotifiedWorkerOptions {
  /** The database whose notifications wake the worker. */
  readonly url: string;
  /** The channels that say there is work (NodeChannels). */
  readonly channels: readonly string[];
  /** Pause between rounds when no notification came: the safety sweep for a notification lost. */
  readonly sweepMs: number;
  /** Pause after the first failed round; doubled for each further failure in a row, up to `maxErrorMs`, jittered. */
  readonly errorMs: number;
  readonly maxErrorMs?: number;
  /**
   * A round that follows another by less than this waits until that much time has passed since its end (0 by
   * default): under a stream of notifications, each round takes what came in that while for the fixed cost of one
   * round, and the notifications that come while it waits are all answered by it. After a quiet spell a
   * notification runs a round at once.
   */
  readonly gatherMs?: number;
  /** Called with the error of a failed round and how many failed in a row; the worker goes on. */
  readonly onError: (error: Error, failuresInARow: number) => void;
  /** The listening connection was lost (it is made again, and a round runs once it listens). */
  readonly onListenerLost?: (error: Error | undefined) => void;
}

const DEFAULT_MAX_ERROR_MS = 15_000;

/**
 * Runs rounds of work when the other process says there is some (LISTEN), at once again while rounds find work,
 * and otherwise every `sweepMs` in case a notification was lost; after a failed round it waits, growing the pause,
 * notifications or not, so that a database that is away is not hammered. A notification during a round makes one
 * more round follow it. Stopping waits for the round under way.
 */
export class NotifiedWorker {
  private readonly listener: DatabaseListener;
  private timer?: NodeJS.Timeout;
  /** When the pending timer fires (ms since the epoch). */
  private dueAt = 0;
  private lastRoundEndedAt = Number.NEGATIVE_INFINITY;
  private running: Promise<void> = Promise.resolve();
  private inRound = false;
  private wokenDuringRound = false;
  private failuresInARow = 0;
  private stopped = true;

  /** `round` returns whether it found a full batch, so the next one starts at once. */
  constructor(
    private readonly round: () => Promise<boolean>,
    private readonly options: NotifiedWorkerOptions,
  ) {
    this.listener = new DatabaseListener(options.url, options.channels, {
      onNotification: () => this.wake(),
      onListening: () => this.wake(),
      ...(options.onListenerLost ? { onConnectionLost: options.onListenerLost } : {}),
    });
  }

  /** Starts sweeping at once; listening starts in the background (it waits for the database when it is away). */
  start(): void {
    this.stopped = false;
    this.failuresInARow = 0;
    this.schedule(0);
    this.listener.start().catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.listener.stop();
    await this.running;
  }

  /** There is work: a round now, or right after the one under way; not while backing off after failures. */
  wake(): void {
    if (this.stopped) return;
    if (this.inRound) {
      this.wokenDuringRound = true;
      return;
    }
    if (this.failuresInARow > 0) return;
    const delayMs = this.gatherDelayMs();
    // A round already due as soon stays: the notification is answered by it.
    if (this.timer && this.dueAt <= Date.now() + delayMs) return;
    this.schedule(delayMs);
  }

  private gatherDelayMs(): number {
    return Math.max(0, this.lastRoundEndedAt + (this.options.gatherMs ?? 0) - Date.now());
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = Date.now() + delayMs;
    this.timer = setTimeout(() => this.runRound(), delayMs);
  }

  private runRound(): void {
    this.timer = undefined;
    this.inRound = true;
    this.wokenDuringRound = false;
    this.running = this.round().then(
      (busy) => {
        this.inRound = false;
        this.lastRoundEndedAt = Date.now();
        this.failuresInARow = 0;
        if (busy) this.schedule(0);
        else this.schedule(this.wokenDuringRound ? this.gatherDelayMs() : this.options.sweepMs);
      },
      (error: Error) => {
        this.inRound = false;
        this.lastRoundEndedAt = Date.now();
        this.failuresInARow++;
        this.options.onError(error, this.failuresInARow);
        this.schedule(this.errorDelayMs(this.failuresInARow));
      },
    );
  }

  private errorDelayMs(failuresInARow: number): number {
    const cap = Math.max(this.options.maxErrorMs ?? DEFAULT_MAX_ERROR_MS, this.options.errorMs);
    const exponential = Math.min(cap, this.options.errorMs * 2 ** Math.min(failuresInARow - 1, 30));
    return Math.round(exponential / 2 + (exponential / 2) * Math.random());
  }
}
