import type { MonitorApiSchemas } from '@enlace/contracts';
import { DeadLetterRecord } from '../persistence/dead-letter.repository';

export type DeadLetterView = MonitorApiSchemas['DeadLetter'];

export function toDeadLetterView(record: DeadLetterRecord): DeadLetterView {
  return {
    id: record._id,
    country: record.country,
    reason: record.reason,
    detail: record.detail,
    originalTopic: record.originalTopic,
    originalPartition: record.originalPartition,
    originalOffset: record.originalOffset,
    deadLetteredAt: record.deadLetteredAt.toISOString(),
    envelope: record.envelope ? { ...record.envelope, sentAt: record.envelope.sentAt.toISOString() } : null,
    envelopeVerified: record.envelopeVerified,
    status: record.redriveCount > 0 ? 'redriven' : 'pending',
    redriveCount: record.redriveCount,
    lastRedrivenAt: record.lastRedrivenAt ? record.lastRedrivenAt.toISOString() : null,
    lastRedrivenBy: record.lastRedrivenBy,
  };
}
