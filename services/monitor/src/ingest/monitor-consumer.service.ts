import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InboundRecord, KafkaInboxConsumer, TopicNames } from '@enlace/messaging';
import { Kafka } from 'kafkajs';
import { MONITOR_CONFIG, MonitorConfig } from '../config/monitor.config';
import { KAFKA_CLIENT } from '../monitor.tokens';
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
 * Every topic of the network the secretariat watches: inboxes, dead letters, deadlines, heartbeats, statistics and
 * audit checkpoints.
 */
export function watchedTopics(network: string): RegExp {
  const prefix = escape(`enlace.${network}.`);
  return new RegExp(
    `^${prefix}(inbox\\.[A-Z]{2}|deadletter\\.[A-Z]{2}|deadlines|heartbeats|statistics|audit-checkpoints)$`,
  );
}

/**
 * Reads the network's topics in a consumer group of its own and hands each batch to the ingestor of its kind.
 * The pattern is matched when the group is joined: a country added later is watched from the next start.
 */
@Injectable()
export class MonitorConsumerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MonitorConsumerService.name);
  private readonly consumer: KafkaInboxConsumer;
  private readonly deadlinesTopic: string;
  private readonly heartbeatsTopic: string;
  private readonly statisticsTopic: string;
  private readonly auditCheckpointsTopic: string;

  constructor(
    @Inject(MONITOR_CONFIG) config: MonitorConfig,
    @Inject(KAFKA_CLIENT) kafka: Kafka,
    private readonly inbox: InboxRecordIngestor,
    private readonly deadLetters: DeadLetterRecordIngestor,
    private readonly deadlines: DeadlineRecordIngestor,
    private readonly heartbeats: HeartbeatRecordIngestor,
    private readonly statistics: StatisticsRecordIngestor,
    private readonly auditCheckpoints: AuditCheckpointRecordIngestor,
  ) {
    this.deadlinesTopic = TopicNames.deadlines(config.network);
    this.heartbeatsTopic = TopicNames.heartbeats(config.network);
    this.statisticsTopic = TopicNames.statistics(config.network);
    this.auditCheckpointsTopic = TopicNames.auditCheckpoints(config.network);
    this.consumer = new KafkaInboxConsumer(kafka, {
      groupId: `enlace.${config.network}.monitor`,
      topic: watchedTopics(config.network),
      fromBeginning: true,
      maxBatch: MAX_BATCH,
    });
  }

  onApplicationBootstrap(): void {
    this.consumer
      .startBatches(
        (records) => this.dispatch(records),
        (error, attempt) => this.logger.warn(`waiting for the broker (attempt ${attempt}): ${error.message}`),
      )
      .catch((error: Error) => this.logger.error(`the monitor's consumer stopped: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }

  /** The records of one call come from one partition of one topic: they go to that topic's ingestor together. */
  private dispatch(records: readonly InboundRecord[]): Promise<void> {
    const topic = records[0]?.topic;
    if (topic === undefined) return Promise.resolve();
    if (topic === this.deadlinesTopic) return this.deadlines.ingest(records);
    if (topic === this.heartbeatsTopic) return this.heartbeats.ingest(records);
    if (topic === this.statisticsTopic) return this.statistics.ingest(records);
    if (topic === this.auditCheckpointsTopic) return this.auditCheckpoints.ingest(records);
    if (topic.includes('.deadletter.')) return this.deadLetters.ingest(records);
    return this.inbox.ingest(records);
  }
}
