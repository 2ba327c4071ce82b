import { IsoDuration } from '../../config/iso-duration';

/** The periods a network agrees on, each the time the other side has for a kind of step. */
export interface DeadlinePeriods {
  /** The receiver's answer to a referral (7 days by default, after the sources). */
  readonly referralAnswer: IsoDuration;
  /** Each step of a return that waits on the other country. */
  readonly returnStep: IsoDuration;
  /** The reintegration plan, from the person's arrival (one month by default). */
  readonly reintegrationPlan: IsoDuration;
  /** Days between reintegration follow-up reports, as the corridor's agreement sets them. */
  readonly followUpIntervalDays: number;
}

export type DeadlineKind = keyof DeadlinePeriods;

export const DEFAULT_DEADLINE_PERIODS: DeadlinePeriods = {
  referralAnswer: IsoDuration.parse('P7D'),
  returnStep: IsoDuration.parse('P14D'),
  reintegrationPlan: IsoDuration.parse('P1M'),
  followUpIntervalDays: 90,
};

/**
 * The due times of a network, per corridor: a corridor (`CO-EC`, sender first) may agree other periods than the
 * network's defaults, and only for the kinds it names.
 */
export class DeadlinePolicy {
  constructor(
    readonly defaults: DeadlinePeriods = DEFAULT_DEADLINE_PERIODS,
    private readonly corridors: Readonly<Record<string, Partial<DeadlinePeriods>>> = {},
  ) {}

  periodOf<K extends DeadlineKind>(kind: K, fromCountry: string, toCountry: string): DeadlinePeriods[K] {
    return this.corridors[corridorKey(fromCountry, toCountry)]?.[kind] ?? this.defaults[kind];
  }

  /** The instant a step of `kind` started at `start` is due, in the corridor from -> to. */
  dueAfter(
    kind: Exclude<DeadlineKind, 'followUpIntervalDays'>,
    fromCountry: string,
    toCountry: string,
    start: Date,
  ): Date {
    return this.periodOf(kind, fromCountry, toCountry).addTo(start);
  }
}

export function corridorKey(fromCountry: string, toCountry: string): string {
  return `${fromCountry.toUpperCase()}-${toCountry.toUpperCase()}`;
}
