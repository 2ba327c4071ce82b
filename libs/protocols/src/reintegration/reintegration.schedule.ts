const DAY_MS = 24 * 60 * 60 * 1000;

/** True when the ISO instant can be read: every due time is computed from one. */
export function isReadableInstant(instant: string): boolean {
  return !Number.isNaN(Date.parse(instant));
}

/**
 * `instant` plus whole days, as an ISO instant in UTC. Days are counted as 24 hours, which in UTC is the
 * calendar day: follow-up intervals are agreed in days, not in months.
 */
export function addDays(instant: string, days: number): string {
  return new Date(Date.parse(instant) + days * DAY_MS).toISOString();
}

/**
 * The default due time of the plan: one calendar month after the arrival (docs/architecture.md §3), at the same time of
 * day. A month without that day ends the period on its last day (31 January -> 28 or 29 February), so the
 * period is never longer than a month. Throws a RangeError on an arrival that cannot be read.
 */
export function defaultReintegrationPlanDueAt(arrivedAt: string): string {
  const arrival = new Date(Date.parse(arrivedAt));
  if (Number.isNaN(arrival.getTime())) {
    throw new RangeError('the arrival is not a readable ISO instant');
  }
  const due = new Date(arrival.getTime());
  due.setUTCDate(1);
  due.setUTCMonth(due.getUTCMonth() + 1);
  const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(arrival.getUTCDate(), lastDay));
  return due.toISOString();
}
