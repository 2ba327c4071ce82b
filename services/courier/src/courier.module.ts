import { Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { AuditLogStore } from '@enlace/audit';
import { MessageValidator } from '@enlace/contracts';
import { EnvelopeOpener, EnvelopeSealer, MemberDirectory, NodeStatementSigner, loadNodeKeys } from '@enlace/envelope';
import {
  DeadLetterPublisher,
  KafkaEnvelopePublisher,
  KafkaMemberDirectory,
  openNetworkMemberDirectory,
  TopicNames,
  createKafkaClient,
} from '@enlace/messaging';
import {
  DeadlineNoticeStore,
  InboxStore,
  NodeDatabase,
  OutboxRelayStore,
  StatisticsReportStore,
  createPostgresDatabase,
  migrateNodeDatabase,
} from '@enlace/store';
import { ObservabilityModule } from '@enlace/observability';
import { CaseKeyStore, PersonalDataVault, loadKeyEncryptionKey } from '@enlace/privacy';
import { Kafka } from 'kafkajs';
import { Kysely } from 'kysely';
import { COURIER_CONFIG, CourierConfig, readCourierConfig } from './config/courier.config';
import {
  DEAD_LETTER_PUBLISHER,
  DEADLINE_NOTICE_STORE,
  ENVELOPE_PUBLISHER,
  HEARTBEAT_PUBLISHER,
  INBOX_STORE,
  KAFKA_CLIENT,
  MEMBER_DIRECTORY,
  NODE_DATABASE,
  OUTBOX_RELAY_STORE,
  PERSONAL_DATA_VAULT,
  STATISTICS_REPORT_STORE,
  AUDIT_LOG_STORE,
} from './courier.tokens';
import { DeliveryReceiptSender } from './inbound/delivery-receipt.sender';
import { InboundEnvelopeHandler } from './inbound/inbound-envelope.handler';
import { InboxConsumerService } from './inbound/inbox-consumer.service';
import { DeadlineNoticeRelayService } from './outbound/deadline-notice-relay.service';
import { OutboxRelayService } from './outbound/outbox-relay.service';
import { StatisticsReportRelayService } from './outbound/statistics-report-relay.service';
import { courierKafkaLog } from './courier-kafka-log';
import { HeartbeatPublisher } from './heartbeat/heartbeat.publisher';
import { AuditCheckpointPublisher } from './audit-checkpoint/audit-checkpoint.publisher';
import { CourierGauges } from './observability/courier-gauges';
import { CourierReadiness } from './observability/courier-readiness';

const logger = new Logger('database');
const directoryLogger = new Logger('directory');

/**
 * The node's border: the only part that holds the node's private keys and talks to the network's topics.
 */
@Module({
  imports: [ObservabilityModule],
  providers: [
    { provide: COURIER_CONFIG, useFactory: () => readCourierConfig() },
    {
      provide: NODE_DATABASE,
      inject: [COURIER_CONFIG],
      useFactory: async (config: CourierConfig) => {
        const db = await createPostgresDatabase<NodeDatabase>({
          url: config.databaseUrl,
          maxConnections: config.databaseMaxConnections,
          applicationName: `enlace-courier-${config.country.toLowerCase()}`,
          onRetry: (error, attempt) => logger.warn(`waiting for the database (attempt ${attempt}): ${error.message}`),
        });
        // node-api migrates too at its start: the migrator's lock lets one apply and the other find it done.
        await migrateNodeDatabase(db);
        return db;
      },
    },
    { provide: INBOX_STORE, inject: [NODE_DATABASE], useFactory: (db: Kysely<NodeDatabase>) => new InboxStore(db) },
    {
      provide: OUTBOX_RELAY_STORE,
      inject: [NODE_DATABASE],
      useFactory: (db: Kysely<NodeDatabase>) => new OutboxRelayStore(db),
    },
    {
      provide: PERSONAL_DATA_VAULT,
      inject: [COURIER_CONFIG, NODE_DATABASE],
      useFactory: async (config: CourierConfig, db: Kysely<NodeDatabase>) => {
        const keys = new CaseKeyStore(db, await loadKeyEncryptionKey(config.caseKekFile));
        // A wrong key-encryption key refuses the start, naming the key ids: started, nothing could be opened.
        await keys.assertKeyEncryptionKeyMatches();
        return new PersonalDataVault(keys);
      },
    },
    {
      provide: DEADLINE_NOTICE_STORE,
      inject: [NODE_DATABASE],
      useFactory: (db: Kysely<NodeDatabase>) => new DeadlineNoticeStore(db),
    },
    {
      provide: STATISTICS_REPORT_STORE,
      inject: [NODE_DATABASE],
      useFactory: (db: Kysely<NodeDatabase>) => new StatisticsReportStore(db),
    },
    {
      provide: AUDIT_LOG_STORE,
      inject: [NODE_DATABASE],
      useFactory: (db: Kysely<NodeDatabase>) => new AuditLogStore(db),
    },
    {
      provide: NodeStatementSigner,
      inject: [COURIER_CONFIG],
      useFactory: async (config: CourierConfig) => new NodeStatementSigner(await loadNodeKeys(config.keysFile)),
    },
    {
      provide: KAFKA_CLIENT,
      inject: [COURIER_CONFIG],
      useFactory: (config: CourierConfig) =>
        createKafkaClient({
          brokers: config.kafkaBrokers,
          clientId: `enlace-courier-${config.country}`,
          sasl: config.kafkaSasl ?? null,
          tls: config.kafkaTls ?? null,
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
      provide: HEARTBEAT_PUBLISHER,
      inject: [KAFKA_CLIENT],
      useFactory: (kafka: Kafka) => new KafkaEnvelopePublisher(kafka),
    },
    {
      provide: DEAD_LETTER_PUBLISHER,
      inject: [ENVELOPE_PUBLISHER, COURIER_CONFIG],
      useFactory: (publisher: KafkaEnvelopePublisher, config: CourierConfig) =>
        new DeadLetterPublisher(publisher, TopicNames.deadLetter(config.network, config.country)),
    },
    {
      // the signed directory topic when the node has trust anchors, else the directory file; until the topic is read,
      // sealing waits (the relay retries) and an envelope of a sender not yet known waits for it (refresh)
      provide: MEMBER_DIRECTORY,
      inject: [COURIER_CONFIG, KAFKA_CLIENT],
      useFactory: (config: CourierConfig, kafka: Kafka) =>
        openNetworkMemberDirectory(kafka, {
          network: config.network,
          reader: { country: config.country },
          ...(config.trustAnchorsFile !== undefined && { trustAnchorsFile: config.trustAnchorsFile }),
          ...(config.directoryFile !== undefined && { directoryFile: config.directoryFile }),
          log: directoryLogger,
        }),
    },
    {
      provide: EnvelopeSealer,
      inject: [COURIER_CONFIG, MEMBER_DIRECTORY],
      useFactory: async (config: CourierConfig, directory: MemberDirectory) =>
        new EnvelopeSealer(await loadNodeKeys(config.keysFile), directory, config.network),
    },
    {
      provide: EnvelopeOpener,
      inject: [COURIER_CONFIG, MEMBER_DIRECTORY],
      useFactory: async (config: CourierConfig, directory: MemberDirectory) =>
        new EnvelopeOpener(await loadNodeKeys(config.keysFile), directory, config.network),
    },
    { provide: MessageValidator, useFactory: () => new MessageValidator() },
    DeliveryReceiptSender,
    InboundEnvelopeHandler,
    InboxConsumerService,
    OutboxRelayService,
    DeadlineNoticeRelayService,
    StatisticsReportRelayService,
    HeartbeatPublisher,
    AuditCheckpointPublisher,
    CourierReadiness,
    CourierGauges,
  ],
})
export class CourierModule implements OnApplicationShutdown {
  constructor(
    @Inject(ENVELOPE_PUBLISHER) private readonly publisher: KafkaEnvelopePublisher,
    @Inject(HEARTBEAT_PUBLISHER) private readonly heartbeats: KafkaEnvelopePublisher,
    @Inject(NODE_DATABASE) private readonly database: Kysely<NodeDatabase>,
    @Inject(MEMBER_DIRECTORY) private readonly directory: MemberDirectory,
  ) {}

  /** Runs after the consumer and the relay stopped in their beforeApplicationShutdown hooks. */
  async onApplicationShutdown(): Promise<void> {
    if (this.directory instanceof KafkaMemberDirectory) await this.directory.stop();
    await this.publisher.disconnect();
    await this.heartbeats.disconnect();
    await this.database.destroy();
  }
}
