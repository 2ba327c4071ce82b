import { CONSENT, OPENED_AT, historyOf, reintegrationEvents as e } from '../testing/reintegration.fixtures';
import { evolveReintegration } from './reintegration.evolve';
import { reintegrationConsentHoldsAt, reintegrationSharesWithSender } from './reintegration.sharing';
import { REINTEGRATION_STATUSES, ReintegrationState } from './reintegration.state';

const stateOf = (status: (typeof REINTEGRATION_STATUSES)[number]): ReintegrationState =>
  historyOf(status, 'receiver').reduce<ReintegrationState | undefined>(
    evolveReintegration,
    undefined,
  ) as ReintegrationState;

describe('reintegrationSharesWithSender', () => {
  it.each(REINTEGRATION_STATUSES.filter((status) => status !== 'consent-withdrawn'))(
    'should share with the sender where the person consented, once %s',
    (status) => {
      expect(reintegrationSharesWithSender(stateOf(status))).toBe(true);
    },
  );

  it('should share nothing without the consent to share', () => {
    expect(reintegrationSharesWithSender(evolveReintegration(undefined, e.opened({ shareWithSender: false })))).toBe(
      false,
    );
  });

  it('should share nothing once consent is withdrawn', () => {
    expect(reintegrationSharesWithSender(stateOf('consent-withdrawn'))).toBe(false);
  });

  it('should share nothing at an instant the consent does not hold', () => {
    const state = stateOf('monitoring');

    expect(reintegrationSharesWithSender(state, '2025-08-01T00:00:00.000Z')).toBe(true);
    expect(reintegrationSharesWithSender(state, CONSENT.expiresAt)).toBe(false);
    expect(reintegrationSharesWithSender(state, 'soon')).toBe(false);
  });
});

describe('reintegrationConsentHoldsAt', () => {
  it('should hold from its recording until, not including, its expiry', () => {
    expect(reintegrationConsentHoldsAt(CONSENT, CONSENT.recordedAt)).toBe(true);
    expect(reintegrationConsentHoldsAt(CONSENT, OPENED_AT)).toBe(true);
    expect(reintegrationConsentHoldsAt(CONSENT, '2025-05-21T08:29:59.999Z')).toBe(false);
    expect(reintegrationConsentHoldsAt(CONSENT, CONSENT.expiresAt as string)).toBe(false);
  });

  it('should hold for good when it names no expiry', () => {
    expect(
      reintegrationConsentHoldsAt({ purpose: 'reintegration', recordedAt: OPENED_AT }, '2040-01-01T00:00:00Z'),
    ).toBe(true);
  });
});
