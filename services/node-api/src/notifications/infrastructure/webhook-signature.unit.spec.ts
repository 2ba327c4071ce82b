import { signWebhook, verifyWebhook } from './webhook-signature';

describe('signWebhook', () => {
  const at = new Date('2026-12-05T12:00:00Z');
  const body = '{"event":"incoming","caseId":"c-1"}';

  it('should be verified with the same secret, time and body', () => {
    expect(verifyWebhook('s3cret', body, signWebhook('s3cret', body, at), at)).toBe(true);
  });

  it('should be refused with another secret, another body, or too late', () => {
    const header = signWebhook('s3cret', body, at);
    expect(verifyWebhook('other', body, header, at)).toBe(false);
    expect(verifyWebhook('s3cret', body.replace('c-1', 'c-2'), header, at)).toBe(false);
    expect(verifyWebhook('s3cret', body, header, new Date(at.getTime() + 301_000))).toBe(false);
  });
});
