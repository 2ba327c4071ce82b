import { Module } from '@nestjs/common';
import { DeadLetterRecordIngestor } from './dead-letter-record.ingestor';
import { DeadlineRecordIngestor } from './deadline-record.ingestor';
import { HeartbeatRecordIngestor } from './heartbeat-record.ingestor';
import { InboxRecordIngestor } from './inbox-record.ingestor';
import { MonitorConsumerService } from './monitor-consumer.service';
import { EnvelopeHeaderReader } from './envelope-header.reader';
import { EnvelopeTraceRepository } from '../statistics/persistence/envelope-trace.repository';
import { ConversationRepository } from '../statistics/persistence/conversation.repository';
import { StatisticsRepository } from '../statistics/persistence/statistics.repository';
import { OverdueRepository } from '../overdue/persistence/overdue.repository';
import { MonitorEventBus } from '../events/monitor-event.bus';
import { DeadLetterRepository } from '../dead-letters/persistence/dead-letter.repository';
import { MessageValidator } from '@enlace/contracts';
import { NodeHealthRepository } from '../nodes/persistence/node-health.repository';
import { MEMBER_DIRECTORY, MONITOR_DATABASE } from '../monitor.tokens';
import { NodeStatementVerifier } from '@enlace/envelope';
import type { ListedMemberDirectory } from '@enlace/messaging';
import { RegionalStatisticsRepository } from '../regional-statistics/persistence/regional-statistics.repository';
import { StatisticsRecordIngestor } from './statistics-record.ingestor';
import { MetricsRegistry } from '@enlace/observability';
import { SignedStatementReader, refusedStatementsCounter } from './signed-statement.reader';
import { AuditCheckpointRepository } from '../audit-checkpoints/persistence/audit-checkpoint.repository';
import { AuditCheckpointRecordIngestor } from './audit-checkpoint-record.ingestor';

/** Reading the network's topics into the monitor's statistics. */
@Module({
  providers: [
    {
      provide: InboxRecordIngestor,
      inject: [
        EnvelopeHeaderReader,
        MONITOR_DATABASE,
        EnvelopeTraceRepository,
        ConversationRepository,
        StatisticsRepository,
        OverdueRepository,
        MonitorEventBus,
      ],
      useFactory: (...deps: ConstructorParameters<typeof InboxRecordIngestor>) => new InboxRecordIngestor(...deps),
    },
    {
      provide: DeadLetterRecordIngestor,
      inject: [EnvelopeHeaderReader, DeadLetterRepository, MonitorEventBus],
      useFactory: (...deps: ConstructorParameters<typeof DeadLetterRecordIngestor>) =>
        new DeadLetterRecordIngestor(...deps),
    },
    {
      provide: SignedStatementReader,
      inject: [MEMBER_DIRECTORY, MessageValidator, MetricsRegistry],
      useFactory: (directory: ListedMemberDirectory, validator: MessageValidator, metrics: MetricsRegistry) =>
        new SignedStatementReader(new NodeStatementVerifier(directory), validator, refusedStatementsCounter(metrics)),
    },
    {
      provide: DeadlineRecordIngestor,
      inject: [SignedStatementReader, OverdueRepository, MonitorEventBus],
      useFactory: (...deps: ConstructorParameters<typeof DeadlineRecordIngestor>) =>
        new DeadlineRecordIngestor(...deps),
    },
    {
      provide: HeartbeatRecordIngestor,
      inject: [SignedStatementReader, NodeHealthRepository, MonitorEventBus],
      useFactory: (...deps: ConstructorParameters<typeof HeartbeatRecordIngestor>) =>
        new HeartbeatRecordIngestor(...deps),
    },
    {
      provide: StatisticsRecordIngestor,
      inject: [SignedStatementReader, RegionalStatisticsRepository],
      useFactory: (...deps: ConstructorParameters<typeof StatisticsRecordIngestor>) =>
        new StatisticsRecordIngestor(...deps),
    },
    {
      provide: AuditCheckpointRecordIngestor,
      inject: [MEMBER_DIRECTORY, MessageValidator, AuditCheckpointRepository],
      useFactory: (
        directory: ListedMemberDirectory,
        validator: MessageValidator,
        checkpoints: AuditCheckpointRepository,
      ) => new AuditCheckpointRecordIngestor(new NodeStatementVerifier(directory), validator, checkpoints),
    },
    MonitorConsumerService,
  ],
})
export class IngestModule {}
