import { delayBin } from './delay-histogram';
import { Corridor, EnvelopeFacts } from './envelope-facts';
import { GRANULARITIES, Granularity, bucketStart } from './time-buckets';

/** Which delay a histogram holds: delivery (sent -> receipt) or answer (question -> the other side's reply). */
export type DelayKind = 'delivery' | 'answer';

/** What a counter counts: envelopes of one message type, or delays of one kind that fell in one histogram bin. */
export type Measure = 'envelopes' | DelayKind;

export const MEASURES: readonly Measure[] = ['envelopes', 'delivery', 'answer'];

/** One counter of one bucket of one corridor, and how much to add to it. */
export interface StatisticsIncrement {
  readonly granularity: Granularity;
  readonly bucketStart: Date;
  readonly from: string;
  readonly to: string;
  readonly measure: Measure;
  /** The message type for envelopes; the bin of the delay histogram (a whole number, as text) for delays. */
  readonly key: string;
  readonly by: number;
}

/** A counter as read back: what it counts and its total so far. */
export type StatisticsCounter = Omit<StatisticsIncrement, 'by'> & { readonly count: number };

/** Names one counter: increments with the same name add up. */
export const counterName = (counter: Omit<StatisticsIncrement, 'by'>): string =>
  [counter.granularity, counter.from, counter.to, counter.bucketStart.toISOString(), counter.measure, counter.key].join(
    '|',
  );

/** One more envelope of its type in its corridor, in the hour, day and month of its sentAt. */
export function envelopeCounted(envelope: EnvelopeFacts): StatisticsIncrement[] {
  return GRANULARITIES.map((granularity) => ({
    granularity,
    bucketStart: bucketStart(envelope.sentAt, granularity),
    from: envelope.from,
    to: envelope.to,
    measure: 'envelopes',
    key: envelope.type,
    by: 1,
  }));
}

/** One more delay, counted in the corridor and buckets of the envelope that waited (sent at `at`). */
export function delayMeasured(kind: DelayKind, corridor: Corridor, at: Date, delayMs: number): StatisticsIncrement[] {
  return GRANULARITIES.map((granularity) => ({
    granularity,
    bucketStart: bucketStart(at, granularity),
    from: corridor.from,
    to: corridor.to,
    measure: kind,
    key: String(delayBin(delayMs)),
    by: 1,
  }));
}
