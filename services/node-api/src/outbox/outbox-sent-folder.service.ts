import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PollingWorker } from '@enlace/messaging';
import { KeyedWriteLock, OutboxSentFolderStore, OutboxSentMark } from '@enlace/store';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { CASE_WRITE_LOCK, OUTBOX_SENT_FOLDER } from '../database/database.tokens';

const BATCH = 200;

/**
 * Folds the courier's notes of what it sent into the cases, under each case's write lock, so that the node API
 * stays the only writer of case documents: the entry is marked sent, its plaintext removed, the count lowered.
 */
@Injectable()
export class OutboxSentFolderService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxSentFolderService.name);
  private readonly worker: PollingWorker;

  constructor(
    @Inject(NODE_API_CONFIG) config: NodeApiConfig,
    @Inject(OUTBOX_SENT_FOLDER) private readonly store: OutboxSentFolderStore,
    @Inject(CASE_WRITE_LOCK) private readonly lock: KeyedWriteLock,
  ) {
    this.worker = new PollingWorker(async () => (await this.foldOnce()) >= BATCH, {
      idleMs: config.inboxPollMs,
      errorMs: Math.max(config.inboxPollMs, 1000),
      onError: (error) => this.logger.warn(`folding sent marks paused after an error: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  /** Folds one batch of notes; returns how many it read. */
  async foldOnce(): Promise<number> {
    const marks = await this.store.findMarks(BATCH);
    const byCase = new Map<string, OutboxSentMark[]>();
    for (const mark of marks) {
      const key = `${mark.collection}\u0000${mark.caseId}`;
      byCase.set(key, [...(byCase.get(key) ?? []), mark]);
    }
    for (const group of byCase.values()) {
      const [first] = group;
      if (!first) continue;
      await this.lock.run(first.caseId, () => this.store.fold(first.collection, first.caseId, group));
    }
    await this.store.removeMarks(marks.map((mark) => mark._id));
    return marks.length;
  }
}
