/**
 * What the monitor reads of an envelope: the routing facts of its signed header, never the payload. The
 * (pseudonymous) case id is used to close overdue steps and is not stored with the statistics.
 */
export interface EnvelopeFacts {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly sentAt: Date;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly caseId?: string;
}

/** An ordered pair of countries: the direction envelopes travel in. */
export interface Corridor {
  readonly from: string;
  readonly to: string;
}

export const corridorKey = (corridor: Corridor): string => `${corridor.from}>${corridor.to}`;

export function parseCorridorKey(key: string): Corridor {
  const [from = '', to = ''] = key.split('>');
  return { from, to };
}
