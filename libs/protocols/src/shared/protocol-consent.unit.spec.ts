import { ProtocolConsent, consentCovers } from './protocol-consent';

const consent: ProtocolConsent = {
  purpose: 'return to the country of origin',
  recordedAt: '2025-03-01T10:00:00Z',
  expiresAt: '2025-06-01T00:00:00Z',
  recipients: ['BO'],
};

describe('consentCovers', () => {
  it('should cover a named recipient while the consent holds', () => {
    expect(consentCovers(consent, 'BO', '2025-03-01T10:00:00Z')).toBe(true);
  });

  it('should cover any country when the consent names no recipients', () => {
    expect(consentCovers({ purpose: 'return', recordedAt: consent.recordedAt }, 'PE', '2030-01-01T00:00:00Z')).toBe(
      true,
    );
  });

  it.each([
    ['there is no consent', undefined, 'BO', '2025-04-01T00:00:00Z'],
    ['the country is not a recipient', consent, 'PE', '2025-04-01T00:00:00Z'],
    ['it is recorded only later', consent, 'BO', '2025-02-28T00:00:00Z'],
    ['it expired', consent, 'BO', '2025-06-01T00:00:00Z'],
    ['its recording time cannot be read', { ...consent, recordedAt: 'last week' }, 'BO', '2025-04-01T00:00:00Z'],
  ])('should not cover when %s', (_case, given, country, at) => {
    expect(consentCovers(given, country, at)).toBe(false);
  });
});
