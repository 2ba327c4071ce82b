/** A datetime-local value (the browser's local time) for an instant, now by default. */
export function localDateTime(at: Date = new Date()): string {
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
