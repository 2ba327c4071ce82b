import type { InboxCounts, InboxEntrySummary } from '@enlace/store';
import type { InboxEntryPage } from '../inbox-entries.service';

/** An inbox entry as the API shows it (contract: InboxEntry): header facts and the reason, never the payload. */
export interface InboxEntryView {
  envelopeId: string;
  type: string;
  from: string;
  caseId: string;
  receivedAt: string;
  attempts: number;
  reapplied: number;
  payloadKept: boolean;
  setAside?: { code: string; detail: string; at: string };
  waitingUntil?: string;
}

export interface InboxEntryListView {
  items: InboxEntryView[];
  counts: InboxCounts;
  next?: string;
}

export function toInboxEntryView(entry: InboxEntrySummary): InboxEntryView {
  return {
    envelopeId: entry.envelopeId,
    type: entry.type,
    from: entry.from,
    caseId: entry.caseId,
    receivedAt: entry.receivedAt.toISOString(),
    attempts: entry.attempts,
    reapplied: entry.reapplied,
    payloadKept: entry.payloadKept,
    ...(entry.setAside
      ? { setAside: { code: entry.setAside.code, detail: entry.setAside.detail, at: entry.setAside.at.toISOString() } }
      : {}),
    ...(entry.waitingUntil ? { waitingUntil: entry.waitingUntil.toISOString() } : {}),
  };
}

export function toInboxEntryListView(page: InboxEntryPage): InboxEntryListView {
  return {
    items: page.entries.map(toInboxEntryView),
    counts: page.counts,
    ...(page.next ? { next: page.next } : {}),
  };
}
