// Protocols never read the clock: every instant arrives in a command as an ISO 8601 string. Comparing the parsed
// instants (not the strings) keeps different offsets and precisions right; an unreadable instant compares as
// false both ways, so a rule that needs a valid instant fails closed.

const toMillis = (instant: string): number => Date.parse(instant);

/** True when `instant` is at or after `reference`; false when either cannot be read. */
export function isAtOrAfter(instant: string, reference: string): boolean {
  return toMillis(instant) >= toMillis(reference);
}

/** True when `instant` is strictly before `reference`; false when either cannot be read. */
export function isBefore(instant: string, reference: string): boolean {
  return toMillis(instant) < toMillis(reference);
}
