import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConsumerGroups, KafkaInboxConsumer, TopicNames } from '@enlace/messaging';
import { Kafka } from 'kafkajs';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { KAFKA_CLIENT } from '../courier.tokens';
import { InboundEnvelopeHandler } from './inbound-envelope.handler';

/**
 * Reads this country's inbox topic from the network and hands its records to the handler, a batch at a time, the
 * partitions' batches side by side: merging the batches of one fetch into one handler call was measured and left
 * out (a backlog of 10,000 drained in 21 s instead of 14: one call's crypto, statements and produce then ran one
 * after the other where three partitions overlapped them).
 */
@Injectable()
export class InboxConsumerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(InboxConsumerService.name);
  private readonly consumer: KafkaInboxConsumer;

  constructor(
    @Inject(COURIER_CONFIG) config: CourierConfig,
    @Inject(KAFKA_CLIENT) kafka: Kafka,
    private readonly handler: InboundEnvelopeHandler,
  ) {
    this.consumer = new KafkaInboxConsumer(kafka, {
      groupId: ConsumerGroups.courierInbox(config.network, config.country),
      topic: TopicNames.inbox(config.network, config.country),
      fromBeginning: true,
      minBytes: config.inboxFetchMinBytes,
      maxWaitTimeInMs: config.inboxFetchWaitMs,
      ...(config.inboxCommitIntervalMs > 0 ? { commitIntervalMs: config.inboxCommitIntervalMs } : {}),
      onCommitError: (error) => this.logger.warn(`offsets not committed (read again later): ${error.message}`),
      // A fault of the node's own: the records wait in the broker, uncommitted, and nothing is dead-lettered.
      onHalt: ({ topic, partition, offset, reason, times, retryInMs }) =>
        this.logger.error(
          `not taking ${topic}/${partition} from offset ${offset} (${times} time(s) in a row): ${reason}; trying again in ${Math.round(retryInMs / 1000)} s`,
        ),
      onResume: ({ topic, partition, haltedFor }) =>
        this.logger.log(`taking ${topic}/${partition} again after ${Math.round(haltedFor / 1000)} s`),
    });
  }

  /** Starts consuming in the background: the node does not wait for the broker to be up. */
  onApplicationBootstrap(): void {
    this.consumer
      .startBatches(
        (records) => this.handler.handleBatch(records),
        (error, attempt) => this.logger.warn(`waiting for the broker (attempt ${attempt}): ${error.message}`),
      )
      .catch((error: Error) => this.logger.error(`the inbox consumer stopped: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
