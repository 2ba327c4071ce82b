import type { Attributes } from '@opentelemetry/api';
import { TRACEPARENT_HEADER } from './envelope-trace-context';

/** The envelope's own traceparent of each record's headers, by the headers object the producer is given. */
const envelopeTraceparents = new WeakMap<object, string>();

/**
 * Puts an envelope's traceparent in its record's headers. The Kafka instrumentation writes the context of its own
 * send span over it (a produce carries records of many traces, all sent under one context); `keepEnvelopeTraceparent`,
 * its producer hook, puts the envelope's back, so that the receiving node continues the trace the envelope belongs to.
 */
export function withEnvelopeTraceparent(
  headers: Record<string, string>,
  traceparent: string | undefined,
): Record<string, string> {
  if (!traceparent) return headers;
  headers[TRACEPARENT_HEADER] = traceparent;
  envelopeTraceparents.set(headers, traceparent);
  return headers;
}

/** The producer hook of the Kafka instrumentation: see withEnvelopeTraceparent. No other context header leaves. */
export function keepEnvelopeTraceparent(
  _span: unknown,
  info: { message: { headers?: Record<string, unknown> } },
): void {
  const headers = info.message.headers;
  if (!headers) return;
  delete headers['tracestate'];
  delete headers['baggage'];
  const own = envelopeTraceparents.get(headers);
  if (own) headers[TRACEPARENT_HEADER] = own;
}

/** The attributes of an envelope span: routing facts the envelope's plain header already shows, nothing else. */
export function envelopeSpanAttributes(envelope: {
  id?: string;
  type?: string;
  from?: string;
  to?: string;
}): Attributes {
  const attributes: Attributes = {};
  if (envelope.id) attributes['enlace.envelope.id'] = envelope.id;
  if (envelope.type) attributes['enlace.envelope.type'] = envelope.type;
  if (envelope.from) attributes['enlace.envelope.from'] = envelope.from;
  if (envelope.to) attributes['enlace.envelope.to'] = envelope.to;
  return attributes;
}
