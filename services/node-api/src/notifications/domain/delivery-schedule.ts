/** After how many failed attempts a notification is given up (and kept, with its last error, for the operator). */
export const MAX_DELIVERY_ATTEMPTS = 12;

/** The first retry's delay by default (ENLACE_NOTIFY_FIRST_RETRY_MS). */
export const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 3_600_000;

/**
 * When to try again after the `attempts`-th failure: 30 s (`firstMs`), then doubling up to an hour, so a receiver
 * that is down for a day is tried about a dozen times; undefined once the attempts are spent.
 */
export function retryDelayMs(attempts: number, firstMs = FIRST_RETRY_MS): number | undefined {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return undefined;
  return Math.min(LONGEST_RETRY_MS, firstMs * 2 ** Math.max(0, attempts - 1));
}
