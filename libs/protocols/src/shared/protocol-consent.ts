import { isAtOrAfter, isBefore } from './iso-instant';

/**
 * The person's consent as a protocol needs it: what it is for, when it was recorded, until when it holds and
 * which countries may receive the data. The consent record itself (scope, how to withdraw, the signed form)
 * lives with the case, outside the protocols.
 */
export interface ProtocolConsent {
  purpose: string;
  recordedAt: string;
  expiresAt?: string;
  /** Country codes the data may go to; when absent the consent names no restriction. */
  recipients?: string[];
}

/**
 * True when the consent was recorded by `at`, has not expired at `at` and, if it names recipients, names
 * `country`. An unreadable instant fails closed: no personal data leaves a node on consent nobody can date.
 */
export function consentCovers(consent: ProtocolConsent | undefined, country: string, at: string): boolean {
  return (
    consent !== undefined &&
    isAtOrAfter(at, consent.recordedAt) &&
    (consent.expiresAt === undefined || isBefore(at, consent.expiresAt)) &&
    (consent.recipients === undefined || consent.recipients.includes(country))
  );
}
