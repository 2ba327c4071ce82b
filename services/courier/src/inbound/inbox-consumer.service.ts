import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConsumerGroups, KafkaInboxConsumer, TopicNames } from '@enlace/messaging';
import { Kafka } from 'kafkajs';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { KAFKA_CLIENT } from '../courier.tokens';
import { InboundBatchCoalescer } from './inbound-batch-coalescer';
import { InboundEnvelopeHandler } from './inbound-envelope.handler';

/**
 * Reads this country's inbox topic from the network and hands its records to the handler, a batch at a time: the
 * batches of all partitions that one fetch brings go to the handler together.
 */
@Injectable()
export class InboxConsumerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(InboxConsumerService.name);
  private readonly consumer: KafkaInboxConsumer;
  private readonly coalescer: InboundBatchCoalescer;

  constructor(
    @Inject(COURIER_CONFIG) config: CourierConfig,
    @Inject(KAFKA_CLIENT) kafka: Kafka,
    handler: InboundEnvelopeHandler,
  ) {
    this.coalescer = new InboundBatchCoalescer((records) => handler.handleBatch(records));
    this.consumer = new KafkaInboxConsumer(kafka, {
      groupId: ConsumerGroups.courierInbox(config.network, config.country),
      topic: TopicNames.inbox(config.network, config.country),
      fromBeginning: true,
      minBytes: config.inboxFetchMinBytes,
      maxWaitTimeInMs: config.inboxFetchWaitMs,
      ...(config.inboxCommitIntervalMs > 0 ? { commitIntervalMs: config.inboxCommitIntervalMs } : {}),
      onCommitError: (error) => this.logger.warn(`offsets not committed (read again later): ${error.message}`),
    });
  }

  /** Starts consuming in the background: the node does not wait for the broker to be up. */
  onApplicationBootstrap(): void {
    this.consumer
      .startBatches(this.coalescer.handle, (error, attempt) =>
        this.logger.warn(`waiting for the broker (attempt ${attempt}): ${error.message}`),
      )
      .catch((error: Error) => this.logger.error(`the inbox consumer stopped: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
