import { DeadlineOverdueV1 } from '@enlace/contracts';
import { NodeStatementTypes } from '@enlace/envelope';
import { InboundRecord } from '@enlace/messaging';
import { MonitorEventBus } from '../events/monitor-event.bus';
import { toOverdueAnswerView } from '../overdue/dto/overdue-answer.view';
import { OverdueAnnouncement, OverdueRepository } from '../overdue/persistence/overdue.repository';
import { SignedStatementReader } from './signed-statement.reader';

const SCHEMA = 'urn:enlace:schema:deadline.overdue.v1';

/**
 * Keeps each overdue announcement once. An announcement counts only when signed by a key of the country it names
 * (SignedStatementReader): a member cannot accuse another country of overdue answers in a third one's name.
 */
export class DeadlineRecordIngestor {
  constructor(
    private readonly statements: SignedStatementReader,
    private readonly overdue: OverdueRepository,
    private readonly events: MonitorEventBus,
  ) {}

  async ingest(records: readonly InboundRecord[]): Promise<void> {
    const announcements: OverdueAnnouncement[] = [];
    for (const record of records) {
      const announcement = await this.statements.read<DeadlineOverdueV1>(
        'deadline',
        NodeStatementTypes.deadlineOverdue,
        SCHEMA,
        record,
      );
      if (announcement) announcements.push(overdueAnnouncementOf(announcement));
    }
    for (const kept of await this.overdue.recordAll(announcements)) {
      this.events.publish({ kind: 'overdue', overdue: toOverdueAnswerView({ _id: '', ...kept, answeredAt: null }) });
    }
  }
}

function overdueAnnouncementOf(valid: DeadlineOverdueV1): OverdueAnnouncement {
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
