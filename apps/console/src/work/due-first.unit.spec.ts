import { waitsOnUs } from './due-first';

describe('waitsOnUs', () => {
  it('should say an incoming referral to answer and an outgoing question to answer wait on us', () => {
    expect(waitsOnUs({ direction: 'incoming', status: 'delivered' })).toBe(true);
    expect(waitsOnUs({ direction: 'outgoing', status: 'info-requested' })).toBe(true);
    expect(waitsOnUs({ direction: 'outgoing', status: 'delivered' })).toBe(false);
    expect(waitsOnUs({ direction: 'incoming', status: 'closed' })).toBe(false);
  });
});
