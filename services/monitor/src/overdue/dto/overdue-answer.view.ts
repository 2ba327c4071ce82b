import type { MonitorApiSchemas } from '@enlace/contracts';
import { OverdueRecord } from '../persistence/overdue.repository';

export type OverdueAnswerView = MonitorApiSchemas['OverdueAnswer'];

export function toOverdueAnswerView(record: OverdueRecord): OverdueAnswerView {
  return {
    id: record.announcementId,
    country: record.country,
    counterpart: record.counterpart,
    protocol: record.protocol as OverdueAnswerView['protocol'],
    step: record.step,
    caseRef: record.caseRef,
    dueAt: record.dueAt.toISOString(),
    announcedAt: record.announcedAt.toISOString(),
    answeredAt: record.answeredAt ? record.answeredAt.toISOString() : null,
  };
}
