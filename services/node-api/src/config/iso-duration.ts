// P[nY][nM][nW][nD][T[nH][nM][n[.n]S]], the ISO 8601 duration form that settings and agreements use (P7D, PT3S).
const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d{1,3})?)S)?)?$/;

/**
 * A period such as "the answer is due 7 days after sending", read from an ISO 8601 duration. Years, months and days
 * are calendar steps in UTC (a month after 31 January is 3 March, as Date counts), hours, minutes and seconds
 * exact ones. Only positive periods: a deadline that is already over when it is set helps nobody.
 */
export class IsoDuration {
  private constructor(
    private readonly text: string,
    private readonly calendar: { years: number; months: number; days: number },
    private readonly exactMs: number,
  ) {}

  /** Reads `text`; a RangeError names what is wrong, never anything else of the setting. */
  static parse(text: string): IsoDuration {
    const match = DURATION.exec(text.trim().toUpperCase());
    if (!match || match[0] === 'P') throw new RangeError('not an ISO 8601 duration such as P7D or PT12H');
    const [years, months, weeks, days, hours, minutes] = match.slice(1, 7).map((part) => Number(part ?? 0));
    const seconds = Number((match[7] ?? '0').replace(',', '.'));
    const duration = new IsoDuration(
      match[0],
      { years: years ?? 0, months: months ?? 0, days: (weeks ?? 0) * 7 + (days ?? 0) },
      Math.round((((hours ?? 0) * 60 + (minutes ?? 0)) * 60 + seconds) * 1000),
    );
    if (duration.addTo(new Date(0)).getTime() <= 0) throw new RangeError('must be longer than zero');
    return duration;
  }

  /** The instant this period after `start`. */
  addTo(start: Date): Date {
    const end = new Date(start.getTime());
    const { years, months, days } = this.calendar;
    if (years || months) end.setUTCFullYear(end.getUTCFullYear() + years, end.getUTCMonth() + months);
    if (days) end.setUTCDate(end.getUTCDate() + days);
    return new Date(end.getTime() + this.exactMs);
  }

  toString(): string {
    return this.text;
  }

  toJSON(): string {
    return this.text;
  }
}
