import { activeTraceparent } from '@enlace/observability/tracing';
import type { Insertable, Selectable } from 'kysely';
import type { OutboxEntry } from './outbox-entry';
import type { OutboxTable } from './postgres/node-database.schema';

/** An outbox entry as a row of the `outbox` table, for the case change that writes it. */
export function outboxRowOf(entry: OutboxEntry, protocol: string): Insertable<OutboxTable> {
  return {
    envelope_id: entry.envelopeId,
    case_id: entry.caseId,
    protocol,
    type: entry.type,
    to_country: entry.to,
    correlation_id: entry.correlationId,
    causation_id: entry.causationId ?? null,
    sealed_payload: entry.sealedPayload ?? null,
    payload: entry.payload === undefined ? null : JSON.stringify(entry.payload),
    created_at: entry.createdAt,
    traceparent: entry.traceparent ?? activeTraceparent() ?? null,
  };
}

/** A row of the `outbox` table as an entry; the payload only when `withPayload` (the relay's read). */
export function outboxEntryOf(
  row: Omit<Selectable<OutboxTable>, 'seq' | 'protocol' | 'sealed_payload' | 'payload' | 'traceparent'> &
    Partial<Pick<Selectable<OutboxTable>, 'sealed_payload' | 'payload' | 'traceparent'>>,
): OutboxEntry {
  return {
    envelopeId: row.envelope_id,
    type: row.type,
    to: row.to_country,
    caseId: row.case_id,
    correlationId: row.correlation_id,
    ...(row.causation_id ? { causationId: row.causation_id } : {}),
    ...(row.payload ? { payload: row.payload } : {}),
    ...(row.sealed_payload ? { sealedPayload: row.sealed_payload } : {}),
    ...(row.traceparent ? { traceparent: row.traceparent } : {}),
    createdAt: row.created_at,
    sentAt: row.sent_at,
    deliveredAt: row.delivered_at,
    undeliverable:
      row.undeliverable_reason && row.undeliverable_at
        ? { reason: row.undeliverable_reason, at: row.undeliverable_at }
        : null,
  };
}
