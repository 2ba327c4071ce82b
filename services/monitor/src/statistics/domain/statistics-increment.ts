import { DelayHistogram, delayBin } from './delay-histogram';
import { Corridor, EnvelopeFacts, corridorKey } from './envelope-facts';
import { GRANULARITIES, Granularity, bucketAddress } from './time-buckets';

/** Which delay a histogram holds: delivery (sent -> receipt) or answer (question -> the other side's reply). */
export type DelayKind = 'delivery' | 'answer';

/** The field of a bucket that holds each statistic. */
const COUNTS_FIELD = 'n';
const DELAY_FIELDS: Record<DelayKind, string> = { delivery: 'd', answer: 'a' };

/** One counter to add to: `by` at `path` of the container document `docId` of the collection of `granularity`. */
export interface StatisticsIncrement {
  readonly granularity: Granularity;
  readonly docId: string;
  readonly path: string;
  readonly by: number;
}

/** The stored shape of one bucket of a container document. */
export interface StoredBucket {
  /** Envelope counts by encoded message type. */
  readonly n?: Readonly<Record<string, number>>;
  readonly d?: DelayHistogram;
  readonly a?: DelayHistogram;
}

/** The stored shape of a container document: its buckets by slot. */
export interface StoredContainer {
  readonly _id: string;
  readonly b?: Readonly<Record<string, StoredBucket>>;
}

/** Field names may not hold dots; message types are dotted and never hold a tilde. */
export const encodeType = (type: string): string => type.replace(/\./g, '~');
export const decodeType = (key: string): string => key.replace(/~/g, '.');

export const containerId = (corridor: Corridor, container: string): string => `${corridorKey(corridor)}|${container}`;

export const delayField = (kind: DelayKind): 'd' | 'a' => DELAY_FIELDS[kind] as 'd' | 'a';

/** One more envelope of its type in its corridor, in the hour, day and month of its sentAt. */
export function envelopeCounted(envelope: EnvelopeFacts): StatisticsIncrement[] {
  return GRANULARITIES.map((granularity) => {
    const { container, slot } = bucketAddress(envelope.sentAt, granularity);
    return {
      granularity,
      docId: containerId(envelope, container),
      path: `b.${slot}.${COUNTS_FIELD}.${encodeType(envelope.type)}`,
      by: 1,
    };
  });
}

/** One more delay, counted in the corridor and buckets of the envelope that waited (sent at `at`). */
export function delayMeasured(kind: DelayKind, corridor: Corridor, at: Date, delayMs: number): StatisticsIncrement[] {
  return GRANULARITIES.map((granularity) => {
    const { container, slot } = bucketAddress(at, granularity);
    return {
      granularity,
      docId: containerId(corridor, container),
      path: `b.${slot}.${DELAY_FIELDS[kind]}.${delayBin(delayMs)}`,
      by: 1,
    };
  });
}
