import { isAtOrAfter, isBefore } from '../shared/iso-instant';
import { ReintegrationConsent, ReintegrationState } from './reintegration.state';

/** True when the consent was recorded by `at` and has not expired at `at`; an unreadable instant fails closed. */
export function reintegrationConsentHoldsAt(consent: ReintegrationConsent, at: string): boolean {
  return isAtOrAfter(at, consent.recordedAt) && (consent.expiresAt === undefined || isBefore(at, consent.expiresAt));
}

/**
 * Whether the sender may be told of the reintegration: only where the person consented to it, while that
 * consent stands and, given `at`, has not expired. The withdrawal of consent itself still reaches a sender
 * that was told (see reintegrationEventsForCounterpart): it holds data it must erase.
 */
export function reintegrationSharesWithSender(state: ReintegrationState, at?: string): boolean {
  return (
    state.shareWithSender &&
    state.status !== 'consent-withdrawn' &&
    (at === undefined || reintegrationConsentHoldsAt(state.consent, at))
  );
}
