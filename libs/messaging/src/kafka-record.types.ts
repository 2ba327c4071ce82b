/** A record as the courier sees it: bytes and where they came from, nothing decoded yet. */
export interface InboundRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

/** A record to produce. Headers carry no personal data, ever: they are readable by every broker operator. */
export interface OutboundRecord {
  readonly key: string;
  /** null only on compacted topics: a tombstone that removes the key. */
  readonly value: Buffer | string | null;
  readonly headers?: Readonly<Record<string, string>>;
  /** The W3C traceparent of the envelope's trace, sent as its `traceparent` header: random ids, nothing else. */
  readonly traceparent?: string;
}
