import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { MessageValidator } from '@enlace/contracts';
import { EnvelopeVerifier, FileMemberDirectory } from '@enlace/envelope';
import { KafkaEnvelopePublisher, createKafkaClient, kafkaLogLine } from '@enlace/messaging';
import { Kafka } from 'kafkajs';
import { MONITOR_CONFIG, MonitorConfig } from '../config/monitor.config';
import { DeadLetterBytesReader } from '../dead-letters/application/dead-letter-bytes.reader';
import { EnvelopeHeaderReader } from '../ingest/envelope-header.reader';
import { ENVELOPE_PUBLISHER, KAFKA_CLIENT } from '../monitor.tokens';

const kafkaLogger = new Logger('kafka');

/** The broker, and what the monitor needs to read envelopes: the directory's public keys, no private key at all. */
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
      provide: FileMemberDirectory,
      inject: [MONITOR_CONFIG],
      useFactory: (config: MonitorConfig) => FileMemberDirectory.load(config.directoryFile),
    },
    {
      provide: EnvelopeHeaderReader,
      inject: [MONITOR_CONFIG, FileMemberDirectory],
      useFactory: (config: MonitorConfig, directory: FileMemberDirectory) =>
        new EnvelopeHeaderReader(new EnvelopeVerifier(directory, config.network)),
    },
    { provide: MessageValidator, useFactory: () => new MessageValidator() },
  ],
  exports: [
    KAFKA_CLIENT,
    ENVELOPE_PUBLISHER,
    DeadLetterBytesReader,
    FileMemberDirectory,
    EnvelopeHeaderReader,
    MessageValidator,
  ],
})
export class MonitorMessagingModule implements OnApplicationShutdown {
  constructor(@Inject(ENVELOPE_PUBLISHER) private readonly publisher: KafkaEnvelopePublisher) {}

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }
}
