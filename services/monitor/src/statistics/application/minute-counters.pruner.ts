import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { MINUTE_COUNTERS_KEPT_MS } from '../domain/time-buckets';
import { StatisticsRepository } from '../persistence/statistics.repository';

const PRUNE_EVERY_MS = 60 * 60_000;
const logger = new Logger('statistics');

/**
 * Keeps the minute counters to their last two days: once at start, then every hour. Hours, days and months are kept;
 * minutes only chart the recent past, and a busy network writes many of them.
 */
@Injectable()
export class MinuteCountersPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly statistics: StatisticsRepository) {}

  onApplicationBootstrap(): void {
    void this.prune();
    this.timer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Prunes now; a failure is logged and left to the next round, never thrown out of the timer. */
  async prune(now: Date = new Date()): Promise<number> {
    try {
      return await this.statistics.pruneMinuteCounters(new Date(now.getTime() - MINUTE_COUNTERS_KEPT_MS));
    } catch (error) {
      logger.warn(`minute counters not pruned: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    }
  }
}
