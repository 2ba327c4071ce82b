import { Logger } from '@nestjs/common';
import { DeadlineOverdueV1, MessageValidator } from '@enlace/contracts';
import { InboundRecord } from '@enlace/messaging';
import { MonitorEventBus } from '../events/monitor-event.bus';
import { toOverdueAnswerView } from '../overdue/dto/overdue-answer.view';
import { OverdueAnnouncement, OverdueRepository } from '../overdue/persistence/overdue.repository';

const SCHEMA = 'urn:enlace:schema:deadline.overdue.v1';

/** Keeps each overdue announcement once; what does not match its contract is logged (by position) and skipped. */
export class DeadlineRecordIngestor {
  private readonly logger = new Logger(DeadlineRecordIngestor.name);

  constructor(
    private readonly validator: MessageValidator,
    private readonly overdue: OverdueRepository,
    private readonly events: MonitorEventBus,
  ) {}

  async ingest(records: readonly InboundRecord[]): Promise<void> {
    const announcements = records.flatMap((record) => this.announcement(record) ?? []);
    for (const kept of await this.overdue.recordAll(announcements)) {
      this.events.publish({ kind: 'overdue', overdue: toOverdueAnswerView({ _id: '', ...kept, answeredAt: null }) });
    }
  }

  private announcement(record: InboundRecord): OverdueAnnouncement | undefined {
    const announcement = parseJson(record.value);
    const violations = this.validator.validate(SCHEMA, announcement);
    if (violations.length > 0) {
      this.logger.warn(`skipped ${record.topic}/${record.partition}@${record.offset}: not a ${SCHEMA}`);
      return undefined;
    }
    const valid = announcement as DeadlineOverdueV1;
    return {
      announcementId: valid.announcementId,
      country: valid.country,
      counterpart: valid.counterpart,
      protocol: valid.protocol,
      step: valid.step,
      caseRef: valid.caseRef,
      dueAt: new Date(valid.dueAt),
      announcedAt: new Date(valid.announcedAt),
    };
  }
}

export function parseJson(value: Buffer | null): unknown {
  try {
    return value ? (JSON.parse(value.toString('utf8')) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
