import { backOff } from 'exponential-backoff';
import { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { ConsumptionHalt } from './consumption-halt.error';
import { DeferredOffsetCommitter } from './deferred-offset-committer';
import { InboundRecord } from './kafka-record.types';

export type InboundRecordHandler = (record: InboundRecord) => Promise<void>;
/**
 * A batch handler's word that what it did must not be done again (it dead-lettered a record): its offsets are then
 * committed at once, not at the next commit interval.
 */
export const COMMIT_NOW = 'commit-now';
/** Handles consecutive records of one partition together; all of them are committed only once it resolves. */
export type InboundBatchHandler = (records: readonly InboundRecord[]) => Promise<void | typeof COMMIT_NOW>;

export interface KafkaInboxConsumerOptions {
  readonly groupId: string;
  /** One topic, or a pattern of topics (matched against the topics that exist when the consumer joins). */
  readonly topic: string | RegExp;
  /** Start from the beginning when the group has no committed offset: nothing addressed to us is skipped. */
  readonly fromBeginning?: boolean;
  /** At most this many records per call of a batch handler (default 100); a record handler gets them one by one. */
  readonly maxBatch?: number;
  /**
   * A fetch waits at the broker until this many bytes are there or `maxWaitTimeInMs` passed (defaults 1 and 250):
   * a consumer that would rather take a few records together than each one alone sets a floor and a short wait.
   */
  readonly minBytes?: number;
  readonly maxWaitTimeInMs?: number;
  /**
   * Commit the handled offsets at most this often instead of after every batch (see DeferredOffsetCommitter):
   * fewer requests under a stream of small batches, for more records read again after a crash.
   */
  readonly commitIntervalMs?: number;
  /** Told when a deferred commit failed (its records are read again later). */
  readonly onCommitError?: (error: Error) => void;
  /**
   * Told when the handler halted a partition (ConsumptionHalt: a fault of the node's own), with the first record not
   * taken and how long until it is tried again; and when a halted partition takes records again.
   */
  readonly onHalt?: (halt: PartitionHalted) => void;
  readonly onResume?: (partition: { topic: string; partition: number; haltedFor: number }) => void;
  /** The first pause of a halted partition, doubled at each halt in a row up to `maxHaltMs` (defaults 1 s, 30 s). */
  readonly firstHaltMs?: number;
  readonly maxHaltMs?: number;
}

export interface PartitionHalted {
  readonly topic: string;
  readonly partition: number;
  /** The first record not taken: the partition is read again from it. */
  readonly offset: string;
  readonly reason: string;
  /** Halts in a row of this partition, this one included. */
  readonly times: number;
  readonly retryInMs: number;
}

/**
 * The group's timing, set on purpose so that a consumer working through a backlog keeps its membership. The broker
 * drops a member it has not heard from for SESSION_TIMEOUT_MS and rebalances the group, and the dropped member's
 * uncommitted work starts over elsewhere; so a member heartbeats every HEARTBEAT_INTERVAL_MS, also while its
 * handler is still working on a batch (see `withHeartbeats`), and a handler call gets at most MAX_BATCH_LIMIT
 * records, which a courier verifies, stores and receipts in well under a second. REBALANCE_TIMEOUT_MS is how long
 * the group waits for its members to rejoin during a rebalance: long enough for a member to finish the batch in hand.
 */
export const SESSION_TIMEOUT_MS = 30_000;
export const HEARTBEAT_INTERVAL_MS = 3_000;
export const REBALANCE_TIMEOUT_MS = 60_000;
/** The most records one call of a batch handler gets, whatever `maxBatch` asks. */
export const MAX_BATCH_LIMIT = 500;

function inboundRecord(topic: string, partition: number, message: KafkaMessage): InboundRecord {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? String(value[0]) : String(value);
  }
  return { topic, partition, offset: message.offset, key: message.key, value: message.value, headers };
}

/**
 * Reads one topic (or the topics of a pattern) and commits an offset only after its handler has succeeded for the
 * records up to it (each call's last offset is resolved when the handler returns). A handler that throws leaves its
 * records uncommitted; kafkajs gives them back, so the handler must be idempotent and must itself dead-letter what
 * can never succeed. A handler that throws ConsumptionHalt (a fault of the node's own) gets its partition paused and
 * given back later, from the same record, until the fault is fixed; the other partitions go on. A batch handler gets up to `maxBatch` consecutive records of one partition at once, so that it
 * can store them and answer them in one round trip each.
 */
export class KafkaInboxConsumer {
  private readonly consumer: Consumer;
  private readonly committer?: DeferredOffsetCommitter;

  constructor(
    kafka: Kafka,
    private readonly options: KafkaInboxConsumerOptions,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: SESSION_TIMEOUT_MS,
      heartbeatInterval: HEARTBEAT_INTERVAL_MS,
      rebalanceTimeout: REBALANCE_TIMEOUT_MS,
      minBytes: options.minBytes ?? 1,
      maxWaitTimeInMs: options.maxWaitTimeInMs ?? 250,
      // A backlog after an outage is read a little at a time: a fetch brings at most 512 KB of a partition (about
      // 200 envelopes, two handler batches) and 4 MB in all, instead of kafkajs's 1 MB and 10 MB, so that a courier
      // catching up holds no more in memory than it is working on.
      maxBytesPerPartition: 512 * 1024,
      maxBytes: 4 * 1024 * 1024,
      retry: { initialRetryTime: 300, retries: 10 },
    });
    if (options.commitIntervalMs !== undefined) {
      const committer = new DeferredOffsetCommitter(
        (offsets) => this.consumer.commitOffsets(offsets),
        options.commitIntervalMs,
        options.onCommitError,
      );
      // After a rebalance the partitions may be another member's: what was done and not committed is read again.
      this.consumer.on(this.consumer.events.GROUP_JOIN, () => committer.forget());
      this.committer = committer;
    }
  }

  private stopped = false;
  private handler?: InboundBatchHandler;
  private maxBatch = 1;
  /** Partitions halted by a fault of the node's own: halts in a row, and the timer that takes them up again. */
  private readonly halted = new Map<string, { times: number; since: number; timer?: NodeJS.Timeout }>();

  /**
   * Joins the group and starts consuming, retrying with exponential backoff and jitter while the broker is away
   * (a courier may start before its broker). Also starts again if kafkajs gives up after a crash.
   * Resolves once consuming, or when stopped first.
   */
  start(handler: InboundRecordHandler, onRetry?: (error: Error, attempt: number) => void): Promise<void> {
    this.maxBatch = 1;
    return this.consume(([record]) => (record ? handler(record) : Promise.resolve()), onRetry);
  }

  /** As start, with up to `maxBatch` consecutive records of one partition per call. */
  startBatches(handler: InboundBatchHandler, onRetry?: (error: Error, attempt: number) => void): Promise<void> {
    this.maxBatch = Math.min(MAX_BATCH_LIMIT, Math.max(1, this.options.maxBatch ?? 100));
    return this.consume(handler, onRetry);
  }

  private async consume(
    handler: InboundBatchHandler,
    onRetry?: (error: Error, attempt: number) => void,
  ): Promise<void> {
    if (!this.handler) {
      this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart && !this.stopped) void this.consume(handler, onRetry).catch(() => undefined);
      });
    }
    this.handler = handler;
    await backOff(() => (this.stopped ? Promise.resolve() : this.run()), {
      numOfAttempts: Number.MAX_SAFE_INTEGER,
      startingDelay: 500,
      timeMultiple: 2,
      maxDelay: 30_000,
      jitter: 'full',
      retry: (error: Error, attempt: number) => {
        if (this.stopped) return false;
        onRetry?.(error, attempt);
        return true;
      },
    });
  }

  private async run(): Promise<void> {
    const handler = this.handler;
    if (!handler) return;
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.options.topic, fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      autoCommit: this.committer === undefined,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, pause }) => {
        for (let at = 0; at < batch.messages.length; at += this.maxBatch) {
          if (!isRunning() || isStale()) return;
          const records = batch.messages
            .slice(at, at + this.maxBatch)
            .map((message) => inboundRecord(batch.topic, batch.partition, message));
          let outcome: Awaited<ReturnType<InboundBatchHandler>>;
          try {
            outcome = await withHeartbeats(heartbeat, () => handler(records));
          } catch (error) {
            if (!(error instanceof ConsumptionHalt)) throw error;
            // Nothing from here on is resolved: once resumed, the partition is read again from this chunk's first record.
            this.halt(batch.topic, batch.partition, (records[0] as InboundRecord).offset, error.reason, pause);
            return;
          }
          this.tookAgain(batch.topic, batch.partition);
          const last = (records[records.length - 1] as InboundRecord).offset;
          resolveOffset(last);
          this.committer?.done(batch.topic, batch.partition, last);
          if (outcome === COMMIT_NOW) await this.committer?.flush();
          await heartbeat();
        }
      },
    });
  }

  /**
   * Pauses a partition the handler halted, and takes it up again after a pause that doubles with each halt in a row
   * (jittered): the fault is the node's, so the records wait, uncommitted, instead of going to the dead letters.
   */
  private halt(topic: string, partition: number, offset: string, reason: string, pause: () => () => void): void {
    const key = `${topic}/${partition}`;
    const previous = this.halted.get(key);
    const times = (previous?.times ?? 0) + 1;
    const first = this.options.firstHaltMs ?? 1_000;
    const ceiling = this.options.maxHaltMs ?? 30_000;
    const retryInMs = Math.round(Math.min(ceiling, first * 2 ** (times - 1)) * (0.75 + Math.random() * 0.5));
    const resume = pause();
    const timer = setTimeout(() => {
      if (!this.stopped) resume();
    }, retryInMs);
    timer.unref?.();
    this.halted.set(key, { times, since: previous?.since ?? Date.now(), timer });
    this.options.onHalt?.({ topic, partition, offset, reason, times, retryInMs });
  }

  private tookAgain(topic: string, partition: number): void {
    const key = `${topic}/${partition}`;
    const halted = this.halted.get(key);
    if (!halted) return;
    this.halted.delete(key);
    this.options.onResume?.({ topic, partition, haltedFor: Date.now() - halted.since });
  }

  /** The partitions halted now (a fault of the node's own keeps them from being taken). */
  haltedPartitions(): string[] {
    return [...this.halted.keys()];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const { timer } of this.halted.values()) clearTimeout(timer);
    // While the consumer still runs: a stopped one commits nothing.
    await this.committer?.flush();
    await this.consumer.disconnect();
  }
}

/**
 * Runs `work` while telling the group, every HEARTBEAT_INTERVAL_MS, that this member is alive: a batch that takes
 * longer than usual (a slow database, a broker that answers late) does not cost the member its partitions.
 */
async function withHeartbeats<T>(heartbeat: () => Promise<void>, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    heartbeat().catch(() => undefined);
  }, HEARTBEAT_INTERVAL_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
