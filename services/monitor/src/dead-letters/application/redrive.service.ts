import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditLogStore } from '@enlace/audit';
import type { MonitorApiSchemas } from '@enlace/contracts';
import { EnvelopePublisher, TopicNames } from '@enlace/messaging';
import { MONITOR_CONFIG, MonitorConfig } from '../../config/monitor.config';
import { MonitorDatabase } from '../../database/monitor-database.schema';
import { MonitorEventBus } from '../../events/monitor-event.bus';
import { ENVELOPE_PUBLISHER } from '../../monitor.tokens';
import { AuthenticatedMonitorUser } from '../../auth/authenticated-monitor-user';
import { toDeadLetterView } from '../dto/dead-letter.view';
import { DeadLetterRecord, DeadLetterRepository } from '../persistence/dead-letter.repository';
import { DeadLetterBytesReader } from './dead-letter-bytes.reader';

export type RedriveOutcome = MonitorApiSchemas['RedriveOutcome'];

/** Says where a redriven record came from; broker operators can read it, so it names positions only. */
export const REDRIVEN_FROM_HEADER = 'enlace-redriven-from';
const AUDIT_ACTION = 'POST /api/v1/dead-letters/redrive';
const AUDIT_STATUS: Record<RedriveOutcome['outcome'], number> = {
  redriven: 200,
  'not-found': 404,
  gone: 410,
  refused: 422,
};

/**
 * Puts dead letters back where they came from: the original key and bytes, re-read from the dead-letter topic,
 * produced to the original inbox, where the country's courier checks them again as if new. Only a country's own
 * inbox is ever written to, whatever a dead letter's headers say. Every attempt is audited with who asked.
 */
@Injectable()
export class RedriveService {
  private readonly logger = new Logger(RedriveService.name);

  constructor(
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
    @Inject(ENVELOPE_PUBLISHER) private readonly publisher: EnvelopePublisher,
    private readonly deadLetters: DeadLetterRepository,
    private readonly bytes: DeadLetterBytesReader,
    private readonly audit: AuditLogStore<MonitorDatabase>,
    private readonly events: MonitorEventBus,
  ) {}

  async redrive(ids: readonly string[], user: AuthenticatedMonitorUser): Promise<RedriveOutcome[]> {
    const outcomes = new Map<string, RedriveOutcome['outcome']>();
    const records: DeadLetterRecord[] = [];
    const found = await this.deadLetters.getMany(ids);
    for (const id of new Set(ids)) {
      const record = found.get(id);
      if (!record) outcomes.set(id, 'not-found');
      else if (record.originalTopic !== TopicNames.inbox(this.config.network, record.country))
        outcomes.set(id, 'refused');
      else records.push(record);
    }
    for (const [place, group] of groupByPlace(records)) {
      const [topic, partition] = place;
      const stored = await this.bytes.read(
        topic,
        partition,
        group.map((record) => record.offset),
      );
      for (const record of group) {
        const bytes = stored.get(record.offset);
        if (!bytes) {
          outcomes.set(record._id, 'gone');
          continue;
        }
        await this.publisher.publish(record.originalTopic, [
          {
            key: bytes.key?.toString('utf8') ?? '',
            value: bytes.value,
            headers: { [REDRIVEN_FROM_HEADER]: `${record.topic}/${record.partition}@${record.offset}` },
          },
        ]);
        outcomes.set(record._id, 'redriven');
        const updated = await this.deadLetters.markRedriven(record._id, user.username, new Date());
        if (updated) this.events.publish({ kind: 'redrive', deadLetter: toDeadLetterView(updated) });
      }
    }
    const results = ids.map((id) => ({ id, outcome: outcomes.get(id) ?? 'not-found' }));
    await Promise.all(
      results.map((result) =>
        this.audit.append({
          at: new Date().toISOString(),
          actor: { username: user.username, country: '', roles: user.roles },
          action: AUDIT_ACTION,
          resource: { deadLetter: result.id },
          outcome: AUDIT_STATUS[result.outcome],
        }),
      ),
    );
    this.logger.log(`redrive by ${user.username}: ${results.map((r) => `${r.id} ${r.outcome}`).join(', ')}`);
    return results;
  }
}

function groupByPlace(records: readonly DeadLetterRecord[]): Map<[string, number], DeadLetterRecord[]> {
  const byKey = new Map<string, { place: [string, number]; records: DeadLetterRecord[] }>();
  for (const record of records) {
    const key = `${record.topic}/${record.partition}`;
    const entry = byKey.get(key) ?? { place: [record.topic, record.partition], records: [] };
    entry.records.push(record);
    byKey.set(key, entry);
  }
  return new Map([...byKey.values()].map((entry) => [entry.place, entry.records]));
}
