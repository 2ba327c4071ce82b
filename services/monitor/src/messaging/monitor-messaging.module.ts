import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { MessageValidator } from '@enlace/contracts';
import { EnvelopeVerifier } from '@enlace/envelope';
import {
  KafkaEnvelopePublisher,
  KafkaMemberDirectory,
  ListedMemberDirectory,
  createKafkaClient,
  kafkaLogLine,
  openNetworkMemberDirectory,
} from '@enlace/messaging';
import { Kafka } from 'kafkajs';
import { MONITOR_CONFIG, MonitorConfig } from '../config/monitor.config';
import { DeadLetterBytesReader } from '../dead-letters/application/dead-letter-bytes.reader';
import { EnvelopeHeaderReader } from '../ingest/envelope-header.reader';
import { ENVELOPE_PUBLISHER, KAFKA_CLIENT, MEMBER_DIRECTORY } from '../monitor.tokens';

const kafkaLogger = new Logger('kafka');
const directoryLogger = new Logger('directory');

/**
 * The broker, and what the monitor needs to read envelopes and the nodes' signed statements: the directory's public
 * keys, no private key at all.
 */
@Global()
@Module({
  providers: [
    {
      provide: KAFKA_CLIENT,
      inject: [MONITOR_CONFIG],
      useFactory: (config: MonitorConfig) =>
        createKafkaClient({
          brokers: config.kafkaBrokers,
          clientId: `enlace-monitor-${config.network}`,
          sasl: config.kafkaSasl ?? null,
          log: (level, message, extra) => {
            if (level === 'error') kafkaLogger.error(kafkaLogLine(message, extra));
            else if (level === 'warn') kafkaLogger.warn(kafkaLogLine(message, extra));
          },
        }),
    },
    {
      provide: ENVELOPE_PUBLISHER,
      inject: [KAFKA_CLIENT],
      useFactory: (kafka: Kafka) => new KafkaEnvelopePublisher(kafka),
    },
    {
      provide: DeadLetterBytesReader,
      inject: [KAFKA_CLIENT, MONITOR_CONFIG],
      useFactory: (kafka: Kafka, config: MonitorConfig) =>
        new DeadLetterBytesReader(kafka, `enlace.${config.network}.monitor.redrive`),
    },
    {
      // the same signed source as the nodes' couriers: the directory topic, only what a trust anchor signed
      provide: MEMBER_DIRECTORY,
      inject: [MONITOR_CONFIG, KAFKA_CLIENT],
      useFactory: (config: MonitorConfig, kafka: Kafka) =>
        openNetworkMemberDirectory(kafka, {
          network: config.network,
          reader: 'monitor',
          ...(config.trustAnchorsFile !== undefined && { trustAnchorsFile: config.trustAnchorsFile }),
          ...(config.directoryFile !== undefined && { directoryFile: config.directoryFile }),
          log: directoryLogger,
        }),
    },
    {
      provide: EnvelopeHeaderReader,
      inject: [MONITOR_CONFIG, MEMBER_DIRECTORY],
      useFactory: (config: MonitorConfig, directory: ListedMemberDirectory) =>
        new EnvelopeHeaderReader(new EnvelopeVerifier(directory, config.network)),
    },
    { provide: MessageValidator, useFactory: () => new MessageValidator() },
  ],
  exports: [
    KAFKA_CLIENT,
    ENVELOPE_PUBLISHER,
    DeadLetterBytesReader,
    MEMBER_DIRECTORY,
    EnvelopeHeaderReader,
    MessageValidator,
  ],
})
export class MonitorMessagingModule implements OnApplicationShutdown {
  constructor(
    @Inject(ENVELOPE_PUBLISHER) private readonly publisher: KafkaEnvelopePublisher,
    @Inject(MEMBER_DIRECTORY) private readonly directory: ListedMemberDirectory,
  ) {}

  /** After the consumers stopped (their beforeApplicationShutdown hooks). */
  async onApplicationShutdown(): Promise<void> {
    if (this.directory instanceof KafkaMemberDirectory) await this.directory.stop();
    await this.publisher.disconnect();
  }
}
