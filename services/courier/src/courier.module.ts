import { Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { MessageValidator } from '@enlace/contracts';
import { EnvelopeOpener, EnvelopeSealer, FileMemberDirectory, loadNodeKeys } from '@enlace/envelope';
import { DeadLetterPublisher, KafkaEnvelopePublisher, TopicNames, createKafkaClient } from '@enlace/messaging';
import {
  DeadlineNoticeStore,
  InboxStore,
  OUTBOX_COLLECTIONS,
  OutboxRelayStore,
  createMongoConnection,
} from '@enlace/store';
import { Kafka } from 'kafkajs';
import { Connection } from 'mongoose';
import { COURIER_CONFIG, CourierConfig, readCourierConfig } from './config/courier.config';
import {
  DEAD_LETTER_PUBLISHER,
  DEADLINE_NOTICE_STORE,
  ENVELOPE_PUBLISHER,
  INBOX_STORE,
  KAFKA_CLIENT,
  NODE_DATABASE,
  OUTBOX_RELAY_STORE,
} from './courier.tokens';
import { DeliveryReceiptSender } from './inbound/delivery-receipt.sender';
import { InboundEnvelopeHandler } from './inbound/inbound-envelope.handler';
import { InboxConsumerService } from './inbound/inbox-consumer.service';
import { DeadlineNoticeRelayService } from './outbound/deadline-notice-relay.service';
import { OutboxRelayService } from './outbound/outbox-relay.service';
import { courierKafkaLog } from './courier-kafka-log';
import { HeartbeatPublisher } from './heartbeat/heartbeat.publisher';

const logger = new Logger('database');

/**
 * The node's border: the only part that holds the node's private keys and talks to the network's topics.
 */
@Module({
  providers: [
    { provide: COURIER_CONFIG, useFactory: () => readCourierConfig() },
    {
      provide: NODE_DATABASE,
      inject: [COURIER_CONFIG],
      useFactory: (config: CourierConfig) =>
        createMongoConnection({
          uri: config.mongodbUri,
          dbName: config.dbName,
          onRetry: (error, attempt) => logger.warn(`waiting for the database (attempt ${attempt}): ${error.message}`),
        }),
    },
    { provide: INBOX_STORE, inject: [NODE_DATABASE], useFactory: (db: Connection) => new InboxStore(db) },
    {
      provide: OUTBOX_RELAY_STORE,
      inject: [NODE_DATABASE],
      useFactory: (db: Connection) => new OutboxRelayStore(db, OUTBOX_COLLECTIONS),
    },
    {
      provide: DEADLINE_NOTICE_STORE,
      inject: [NODE_DATABASE],
      useFactory: (db: Connection) => new DeadlineNoticeStore(db),
    },
    {
      provide: KAFKA_CLIENT,
      inject: [COURIER_CONFIG],
      useFactory: (config: CourierConfig) =>
        createKafkaClient({
          brokers: config.kafkaBrokers,
          clientId: `enlace-courier-${config.country}`,
          log: courierKafkaLog,
        }),
    },
    {
      provide: ENVELOPE_PUBLISHER,
      inject: [KAFKA_CLIENT],
      // Connects on first use, so that the courier starts while the broker is away; sends then fail and are retried.
      useFactory: (kafka: Kafka) => new KafkaEnvelopePublisher(kafka),
    },
    {
      provide: DEAD_LETTER_PUBLISHER,
      inject: [ENVELOPE_PUBLISHER, COURIER_CONFIG],
      useFactory: (publisher: KafkaEnvelopePublisher, config: CourierConfig) =>
        new DeadLetterPublisher(publisher, TopicNames.deadLetter(config.network, config.country)),
    },
    {
      provide: FileMemberDirectory,
      inject: [COURIER_CONFIG],
      useFactory: (c: CourierConfig) => FileMemberDirectory.load(c.directoryFile),
    },
    {
      provide: EnvelopeSealer,
      inject: [COURIER_CONFIG, FileMemberDirectory],
      useFactory: async (config: CourierConfig, directory: FileMemberDirectory) =>
        new EnvelopeSealer(await loadNodeKeys(config.keysFile), directory, config.network),
    },
    {
      provide: EnvelopeOpener,
      inject: [COURIER_CONFIG, FileMemberDirectory],
      useFactory: async (config: CourierConfig, directory: FileMemberDirectory) =>
        new EnvelopeOpener(await loadNodeKeys(config.keysFile), directory, config.network),
    },
    { provide: MessageValidator, useFactory: () => new MessageValidator() },
    DeliveryReceiptSender,
    InboundEnvelopeHandler,
    InboxConsumerService,
    OutboxRelayService,
    DeadlineNoticeRelayService,
    HeartbeatPublisher,
  ],
})
export class CourierModule implements OnApplicationShutdown {
  constructor(
    @Inject(ENVELOPE_PUBLISHER) private readonly publisher: KafkaEnvelopePublisher,
    @Inject(NODE_DATABASE) private readonly database: Connection,
  ) {}

  /** Runs after the consumer and the relay stopped in their beforeApplicationShutdown hooks. */
  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
    await this.database.close();
  }
}
