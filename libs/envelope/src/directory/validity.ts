import type { Validity } from './member-directory.port';

/**
 * Whether `at` lies in the period. Tolerance widens only the start, to absorb clock skew between nodes; an end is
 * strict because it is how a compromised key is revoked.
 */
export function isValidAt(validity: Validity, at: Date, startToleranceMs = 0): boolean {
  const time = at.getTime();
  if (Number.isNaN(time)) return false;
  if (validity.validFrom !== undefined && time < Date.parse(validity.validFrom) - startToleranceMs) return false;
  if (validity.validUntil !== undefined && time >= Date.parse(validity.validUntil)) return false;
  return true;
}
