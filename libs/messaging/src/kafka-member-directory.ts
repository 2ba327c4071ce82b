import { randomUUID } from 'node:crypto';
import { backOff } from 'exponential-backoff';
import type { DirectoryMember, MemberDirectory, SignedMemberDirectory } from '@enlace/envelope';
import { Admin, Consumer, Kafka } from 'kafkajs';
import { ConsumerGroups, TopicNames } from './topic-names';

/**
 * The directory could not be read to its end in time (the broker away, the reader restarting): a passing cause, so
 * what needed it is tried again later, never dead-lettered.
 */
export class DirectoryUnavailableError extends Error {
  override readonly name = 'DirectoryUnavailableError';
}

/**
 * Who reads the directory: a country's node (its consumer group ids are under the country's prefix) or the network's
 * monitor (under the monitor's), as the broker's ACLs allow each.
 */
export type DirectoryReader = { readonly country: string } | 'monitor';

export interface KafkaMemberDirectoryOptions {
  readonly network: string;
  readonly reader: DirectoryReader;
  /** How long start() and refresh() wait to catch up with the topic. */
  readonly catchUpTimeoutMs?: number;
}

/**
 * The MemberDirectory of a running node: every record of the network's compacted directory topic, from the start,
 * applied to a SignedMemberDirectory (only entries signed by a trust anchor count). Each process reads the whole
 * topic under a group id of its own, so every process knows every member.
 */
export class KafkaMemberDirectory implements MemberDirectory {
  private readonly consumer: Consumer;
  private readonly topic: string;
  /** Next offset to apply, per partition. */
  private readonly applied = new Map<number, bigint>();
  private readonly waiters = new Set<() => void>();
  private running = false;
  private stopped = false;
  private started?: Promise<void>;
  private refreshing?: Promise<void>;
  private admin?: Admin;
  private onRetry?: (error: Error, attempt: number) => void;
  private startFinished = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly signed: SignedMemberDirectory,
    private readonly options: KafkaMemberDirectoryOptions,
  ) {
    this.topic = TopicNames.directory(options.network);
    this.consumer = kafka.consumer({
      groupId:
        options.reader === 'monitor'
          ? ConsumerGroups.monitorDirectoryReader(options.network, randomUUID())
          : ConsumerGroups.directoryReader(options.network, options.reader.country, randomUUID()),
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 250,
    });
    // kafkajs restarts its consumer only after errors it deems retriable; after any other crash (the group coordinator
    // gone with a killed broker) the consumer is left disconnected, and the directory would never be read again.
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopped) return;
      this.running = false; // a start() under way reconnects in its next try; a finished one is started again
      if (!this.startFinished) return;
      this.startFinished = false;
      this.started = undefined;
      void this.start(this.onRetry).catch(() => undefined);
    });
  }

  /**
   * Starts reading and resolves once every entry that was on the topic at the call has been applied, retrying with
   * exponential backoff and jitter while the broker is away (a node may start before its broker).
   */
  start(onRetry?: (error: Error, attempt: number) => void): Promise<void> {
    this.onRetry ??= onRetry;
    this.started ??= backOff(() => this.startOnce(), {
      numOfAttempts: Number.MAX_SAFE_INTEGER,
      startingDelay: 500,
      maxDelay: 30_000,
      jitter: 'full',
      retry: (error: Error, attempt: number) => {
        if (this.stopped) return false;
        onRetry?.(error, attempt);
        return true;
      },
    }).then(() => {
      this.startFinished = true;
    });
    return this.started;
  }

  private async startOnce(): Promise<void> {
    if (this.stopped) return;
    if (!this.running) {
      try {
        await this.consumer.connect();
        await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
        await this.consumer.run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            await this.signed.apply(message.key?.toString('utf8'), message.value);
            this.applied.set(partition, BigInt(message.offset) + 1n);
            for (const wake of [...this.waiters]) wake();
          },
        });
      } catch (error) {
        await this.consumer.disconnect().catch(() => undefined);
        throw error;
      }
      this.running = true;
    }
    await this.catchUp();
  }

  /**
   * Resolves once every record now on the topic has been applied: asked before deciding that a sender is unknown,
   * so that a member issued a moment ago is not refused. Waits for start(), at most catchUpTimeoutMs (then
   * DirectoryUnavailableError: the caller tries again later); calls at once share one catch-up (one ListOffsets
   * request on a kept admin connection), so a flood of unknown senders costs the broker little.
   */
  async refresh(): Promise<void> {
    await this.startedWithin(this.options.catchUpTimeoutMs ?? 30_000);
    this.refreshing ??= this.catchUp().finally(() => {
      this.refreshing = undefined;
    });
    await this.refreshing;
  }

  private async startedWithin(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DirectoryUnavailableError(`the directory topic ${this.topic} is not read yet`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.start(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async catchUp(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    let ends: Array<{ partition: number; high: bigint }>;
    try {
      ends = (await admin.fetchTopicOffsets(this.topic)).map(({ partition, high }) => ({
        partition,
        high: BigInt(high),
      }));
    } finally {
      await admin.disconnect();
    }
    const caughtUp = (): boolean => ends.every(({ partition, high }) => (this.applied.get(partition) ?? 0n) >= high);
    if (caughtUp()) return;
    const timeoutMs = this.options.catchUpTimeoutMs ?? 30_000;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new DirectoryUnavailableError(
            `the directory topic ${this.topic} was not read to its end within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      const check = (): void => {
        if (!caughtUp()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  member(country: string): DirectoryMember | undefined {
    return this.signed.member(country);
  }

  /** Every current member (neither removed nor revoked), as applied so far. */
  members(): DirectoryMember[] {
    return this.signed.members();
  }

  isRevoked(country: string): boolean {
    return this.signed.isRevoked(country);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.running = false;
    await this.admin?.disconnect();
    this.admin = undefined;
    await this.consumer.disconnect();
  }
}
