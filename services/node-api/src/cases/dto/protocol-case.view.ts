import type { CaseStateBase } from '../domain/case-protocol';
import type { ProtocolCaseDocument } from '../persistence/protocol-case.document';
import { undeliveredMessagesOf } from './undelivered-messages.view';

/** The parts of a case's summary that every protocol shares: where it stands, who it waits on, until when. */
export interface ProtocolCaseSummaryBase {
  id: string;
  direction: 'outgoing' | 'incoming';
  fromCountry: string;
  toCountry: string;
  status: string;
  pendingOn?: 'sender' | 'receiver';
  dueAt?: string;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

export function protocolCaseSummaryBase<S extends CaseStateBase>(
  document: ProtocolCaseDocument<S>,
  now: Date,
): ProtocolCaseSummaryBase {
  return {
    id: document._id,
    direction: document.direction,
    fromCountry: document.state.fromCountry,
    toCountry: document.state.toCountry,
    status: document.state.status,
    ...(document.pendingOn ? { pendingOn: document.pendingOn as 'sender' | 'receiver' } : {}),
    ...(document.due ? { dueAt: document.due.toISOString() } : {}),
    overdue: document.due !== undefined && document.due.getTime() < now.getTime(),
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
  };
}

/**
 * The parts of a case's full view that every protocol shares: the person while held, consent, erasure, messages set
 * aside unsent, timeline.
 */
export function protocolCaseDetailsBase<S extends CaseStateBase>(document: ProtocolCaseDocument<S>) {
  return {
    ...(document.person ? { person: document.person } : {}),
    ...(document.consent ? { consent: document.consent } : {}),
    ...(document.erasure ? { erasure: document.erasure } : {}),
    ...(document.links ? { links: document.links } : {}),
    ...undeliveredMessagesOf(document.outbox),
    timeline: document.timeline,
  };
}
