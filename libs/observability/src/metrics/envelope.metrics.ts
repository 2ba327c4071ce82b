import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** The labels of every envelope metric: the corridor (from, to) and the message type. Never a case, never a person. */
export type EnvelopeLabel = 'from' | 'to' | 'type';
export type EnvelopeLabels = Record<EnvelopeLabel, string>;

const COUNTRY = /^[A-Z]{2}$/;
/** `referral.requested.v1`: the contracts' type names, lower-case words and a major version. */
const MESSAGE_TYPE = /^[a-z]+(\.[a-z-]+)+\.v\d{1,3}$/;

/**
 * The labels of an envelope, from header fields that may come from a record we could not verify: a value of the
 * wrong shape becomes `unknown`, so that forged headers cannot make a series of anything they like.
 */
export function envelopeLabels(header: { from?: unknown; to?: unknown; type?: unknown }): EnvelopeLabels {
  const country = (value: unknown) => (typeof value === 'string' && COUNTRY.test(value) ? value : 'unknown');
  return {
    from: country(header.from),
    to: country(header.to),
    type: typeof header.type === 'string' && MESSAGE_TYPE.test(header.type) ? header.type : 'unknown',
  };
}

/** From a second to the minutes a broker or database outage may hold an envelope back. */
const LATENCY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

const LABELS: readonly EnvelopeLabel[] = ['from', 'to', 'type'];

/**
 * The envelope metrics, each made by the part of a node that counts it (the courier most; node-api the messages its
 * inbox sets aside). The same name is the same metric whichever process asks (MetricsRegistry shares them).
 */
export const EnvelopeMetrics = {
  /** Produced to the addressee's inbox topic and acknowledged by the broker (delivery receipts included). */
  sent: (metrics: MetricsRegistry): Counter<EnvelopeLabel> =>
    metrics.counter(
      'enlace_envelopes_sent_total',
      'Envelopes produced to their addressee, by corridor and type',
      LABELS,
    ),
  /** Verified, opened and stored in the inbox for the first time (a duplicate is not counted again). */
  received: (metrics: MetricsRegistry): Counter<EnvelopeLabel> =>
    metrics.counter(
      'enlace_envelopes_received_total',
      'Envelopes stored in the inbox for the first time, by corridor and type',
      LABELS,
    ),
  deadLettered: (metrics: MetricsRegistry): Counter<EnvelopeLabel> =>
    metrics.counter(
      'enlace_envelopes_dead_lettered_total',
      'Records of the inbox topic sent to the dead letters, by corridor and type as their header claims',
      LABELS,
    ),
  /** Outgoing ones the relay could not seal (no valid key of the addressee), incoming ones the protocol refused. */
  setAside: (metrics: MetricsRegistry): Counter<EnvelopeLabel> =>
    metrics.counter(
      'enlace_envelopes_set_aside_total',
      'Envelopes set aside with a reason instead of being sent or applied, by corridor and type',
      LABELS,
    ),
  /**
   * From the envelope's sent-at (stamped by the sender's courier when it seals it) to its storing in the receiver's
   * inbox, measured by the receiver: the two nodes' clocks both count, as in every cross-border delay.
   */
  deliveryLatency: (metrics: MetricsRegistry): Histogram<EnvelopeLabel> =>
    metrics.histogram(
      'enlace_envelope_delivery_latency_seconds',
      "Seconds from an envelope's sent-at at its sender to its storing in this node's inbox, by corridor and type",
      LABELS,
      LATENCY_BUCKETS,
    ),
};
