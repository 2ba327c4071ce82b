import { Inject, Injectable, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { KafkaInboxConsumer, TopicNames } from '@enlace/messaging';
import { Kafka } from 'kafkajs';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { KAFKA_CLIENT } from '../courier.tokens';
import { InboundEnvelopeHandler } from './inbound-envelope.handler';

/** Reads this country's inbox topic from the network and hands each record to the handler. */
@Injectable()
export class InboxConsumerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: KafkaInboxConsumer;

  constructor(
    @Inject(COURIER_CONFIG) config: CourierConfig,
    @Inject(KAFKA_CLIENT) kafka: Kafka,
    private readonly handler: InboundEnvelopeHandler,
  ) {
    this.consumer = new KafkaInboxConsumer(kafka, {
      groupId: `enlace.${config.network}.courier.${config.country}`,
      topic: TopicNames.inbox(config.network, config.country),
      fromBeginning: true,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start((record) => this.handler.handle(record));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
