import { caseWaitsOnUs } from './case-due-first';

describe('caseWaitsOnUs', () => {
  it('should name the receiving end for incoming cases and the sending end for outgoing ones', () => {
    expect(caseWaitsOnUs({ direction: 'incoming', pendingOn: 'receiver' })).toBe(true);
    expect(caseWaitsOnUs({ direction: 'incoming', pendingOn: 'sender' })).toBe(false);
    expect(caseWaitsOnUs({ direction: 'outgoing', pendingOn: 'sender' })).toBe(true);
    expect(caseWaitsOnUs({ direction: 'outgoing', pendingOn: 'receiver' })).toBe(false);
  });

  it('should say no for a case that waits on nobody (ended)', () => {
    expect(caseWaitsOnUs({ direction: 'incoming' })).toBe(false);
  });
});
