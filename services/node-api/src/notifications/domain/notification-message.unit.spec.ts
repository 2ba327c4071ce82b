import { composeNotification } from './notification-message';

describe('composeNotification', () => {
  const caseId = '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10';

  describe('given a new incoming referral from EC at CO', () => {
    const message = composeNotification(
      { event: 'incoming', country: 'CO', protocol: 'referral', caseId, step: 'requested', counterpart: 'EC' },
      'https://console.example.gov.co',
    );

    it('should link to the case in the console', () => {
      expect(message.link).toBe(`https://console.example.gov.co/referrals/${caseId}`);
      expect(message.text).toContain(message.link);
    });

    it('should name the case, the step and the other country in the subject', () => {
      expect(message.subject).toBe(`[Enlace CO] New incoming referral ${caseId} (EC)`);
      expect(message.text).toContain('Step: requested.');
    });
  });

  describe('given an overdue step of a return', () => {
    it('should say when it was due', () => {
      const due = new Date('2026-12-01T12:00:00Z');
      const message = composeNotification(
        { event: 'overdue', country: 'EC', protocol: 'return', caseId, step: 'plan-proposed', due },
        'http://127.0.0.1:18080',
      );
      expect(message.due).toBe('2026-12-01T12:00:00.000Z');
      expect(message.text).toContain('Due: 2026-12-01T12:00:00.000Z.');
      expect(message.link).toBe(`http://127.0.0.1:18080/returns/${caseId}`);
    });
  });
});
