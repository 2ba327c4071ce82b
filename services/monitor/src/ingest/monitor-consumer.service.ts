import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  ConsumerGroups,
  InboundRecord,
  KafkaInboxConsumer,
  KafkaMemberDirectory,
  TopicNames,
  kafkaLogLine,
  type ListedMemberDirectory,
} from '@enlace/messaging';
import { Kafka } from 'kafkajs';
import { MONITOR_CONFIG, MonitorConfig } from '../config/monitor.config';
import { KAFKA_CLIENT, MEMBER_DIRECTORY } from '../monitor.tokens';
import { DeadLetterRecordIngestor } from './dead-letter-record.ingestor';
import { DeadlineRecordIngestor } from './deadline-record.ingestor';
import { HeartbeatRecordIngestor } from './heartbeat-record.ingestor';
import { InboxRecordIngestor } from './inbox-record.ingestor';
import { StatisticsRecordIngestor } from './statistics-record.ingestor';
import { AuditCheckpointRecordIngestor } from './audit-checkpoint-record.ingestor';

/**
 * Records per call of an ingestor: consecutive records of one partition, counted in one transaction. Large enough
 * that a backlog costs a few statements per hundred envelopes, small enough that a batch commits well within the
 * group's session.
 */
const MAX_BATCH = 200;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The topics of the network the secretariat counts from, in its main group: inboxes, dead letters, deadlines,
 * statistics and audit checkpoints. The heartbeats are read apart (ConsumerGroups.monitorHeartbeats).
 */
export function watchedTopics(network: string): RegExp {
  const prefix = escape(`enlace.${network}.`);
  return new RegExp(`^${prefix}(inbox\\.[A-Z]{2}|deadletter\\.[A-Z]{2}|deadlines|statistics|audit-checkpoints)$`);
}

/**
 * Reads the network's topics and hands each batch to the ingestor of its kind, in two consumer groups. The
 * heartbeats have a group and a consumer of their own: in one group they waited, in the same fetch, behind the
 * batches of envelopes being counted (kafkajs fetches again only when every batch of the last fetch is done), so that
 * under load, or while a failing batch was retried, every node showed as down although each was answering. The
 * pattern is matched when the group is joined: a country added later is watched from the next start.
 */
@Injectable()
export class MonitorConsumerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MonitorConsumerService.name);
  private readonly consumer: KafkaInboxConsumer;
  private readonly heartbeatConsumer: KafkaInboxConsumer;
  private readonly deadlinesTopic: string;
  private readonly heartbeatsTopic: string;
  private readonly statisticsTopic: string;
  private readonly auditCheckpointsTopic: string;
  private stopping = false;

  constructor(
    @Inject(MONITOR_CONFIG) config: MonitorConfig,
    @Inject(KAFKA_CLIENT) kafka: Kafka,
    private readonly inbox: InboxRecordIngestor,
    private readonly deadLetters: DeadLetterRecordIngestor,
    private readonly deadlines: DeadlineRecordIngestor,
    private readonly heartbeats: HeartbeatRecordIngestor,
    private readonly statistics: StatisticsRecordIngestor,
    private readonly auditCheckpoints: AuditCheckpointRecordIngestor,
    @Inject(MEMBER_DIRECTORY) private readonly directory: ListedMemberDirectory,
  ) {
    this.deadlinesTopic = TopicNames.deadlines(config.network);
    this.heartbeatsTopic = TopicNames.heartbeats(config.network);
    this.statisticsTopic = TopicNames.statistics(config.network);
    this.auditCheckpointsTopic = TopicNames.auditCheckpoints(config.network);
    this.consumer = new KafkaInboxConsumer(kafka, {
      groupId: ConsumerGroups.monitor(config.network),
      topic: watchedTopics(config.network),
      fromBeginning: true,
      maxBatch: MAX_BATCH,
    });
    this.heartbeatConsumer = new KafkaInboxConsumer(kafka, {
      groupId: ConsumerGroups.monitorHeartbeats(config.network),
      topic: this.heartbeatsTopic,
      fromBeginning: true,
      maxBatch: MAX_BATCH,
    });
  }

  /**
   * The consumers start once the signed directory was read to its end: a record checked before would be refused for
   * a member not yet known, and counted as forged. Reading it waits for the broker as long as it takes.
   */
  onApplicationBootstrap(): void {
    const read = this.directory instanceof KafkaMemberDirectory ? this.directory.start() : Promise.resolve();
    read.then(
      () => {
        if (this.stopping) return;
        this.run(this.consumer, 'main');
        this.run(this.heartbeatConsumer, 'heartbeats');
      },
      (error: Error) => this.logger.error(`the directory was not read, nothing is consumed: ${error.message}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all([this.consumer.stop(), this.heartbeatConsumer.stop()]);
  }

  private run(consumer: KafkaInboxConsumer, name: string): void {
    consumer
      .startBatches(
        (records) => this.dispatch(records),
        (error, attempt) =>
          this.logger.warn(`${name} consumer waiting for the broker (attempt ${attempt}): ${error.message}`),
      )
      .catch((error: Error) => this.logger.error(`the monitor's ${name} consumer stopped: ${error.message}`));
  }

  /**
   * The records of one call come from one partition of one topic: they go to that topic's ingestor together. A
   * failure is logged here with its reason and where (the batch is then read again), and thrown on.
   */
  private async dispatch(records: readonly InboundRecord[]): Promise<void> {
    const first = records[0];
    if (first === undefined) return;
    try {
      await this.ingestorOf(first.topic)(records);
    } catch (error) {
      const last = records[records.length - 1] ?? first;
      this.logger.error(
        kafkaLogLine(`could not ingest ${records.length} records (read again)`, {
          topic: first.topic,
          partition: first.partition,
          offset: first.offset === last.offset ? first.offset : `${first.offset}-${last.offset}`,
          error,
        }),
      );
      throw error;
    }
  }

  private ingestorOf(topic: string): (records: readonly InboundRecord[]) => Promise<void> {
    if (topic === this.deadlinesTopic) return (records) => this.deadlines.ingest(records);
    if (topic === this.heartbeatsTopic) return (records) => this.heartbeats.ingest(records);
    if (topic === this.statisticsTopic) return (records) => this.statistics.ingest(records);
    if (topic === this.auditCheckpointsTopic) return (records) => this.auditCheckpoints.ingest(records);
    if (topic.includes('.deadletter.')) return (records) => this.deadLetters.ingest(records);
    return (records) => this.inbox.ingest(records);
  }
}
