import { historyOf } from '../testing/referral.fixtures';
import { allowedCommands } from './referral.allowed-commands';
import { evolve } from './referral.evolve';
import { ReferralSide, ReferralState, ReferralStatus } from './referral.state';

const stateOf = (status: ReferralStatus, side: ReferralSide): ReferralState =>
  historyOf(status, side).reduce<ReferralState | undefined>(evolve, undefined) as ReferralState;

describe('allowedCommands', () => {
  it('should offer the sender a draft and the receiver the arrival when no referral exists', () => {
    expect(allowedCommands(undefined, 'sender')).toEqual(['DraftReferral']);
    expect(allowedCommands(undefined, 'receiver')).toEqual(['ReceiveReferral']);
  });

  it.each([
    ['sender', 'draft', ['SendReferral', 'WithdrawConsent']],
    ['sender', 'sent', ['RecordDelivery', 'ExpireReferral', 'WithdrawReferral', 'WithdrawConsent']],
    ['sender', 'delivered', ['ExpireReferral', 'WithdrawReferral', 'WithdrawConsent']],
    ['sender', 'info-requested', ['ProvideInformation', 'ExpireReferral', 'WithdrawReferral', 'WithdrawConsent']],
    ['sender', 'accepted', ['WithdrawReferral', 'WithdrawConsent']],
    ['sender', 'in-service', ['WithdrawReferral', 'WithdrawConsent']],
    ['receiver', 'delivered', ['AcceptReferral', 'DeclineReferral', 'RequestInformation', 'WithdrawConsent']],
    ['receiver', 'info-requested', ['WithdrawConsent']],
    ['receiver', 'accepted', ['StartService', 'WithdrawConsent']],
    ['receiver', 'in-service', ['CloseReferral', 'WithdrawConsent']],
  ] as const)('should offer the %s of a referral that is %s the steps forward first', (side, status, expected) => {
    expect(allowedCommands(stateOf(status, side), side)).toEqual(expected);
  });

  it.each(['declined', 'withdrawn', 'consent-withdrawn', 'expired', 'closed'] as const)(
    'should offer nothing once the referral is %s',
    (status) => {
      expect(allowedCommands(stateOf(status, 'sender'), 'sender')).toEqual([]);
      expect(allowedCommands(stateOf(status, 'receiver'), 'receiver')).toEqual([]);
    },
  );

  it("should list the other end's commands for a replay on this replica", () => {
    expect(allowedCommands(stateOf('delivered', 'sender'), 'receiver')).toEqual(
      allowedCommands(stateOf('delivered', 'receiver'), 'receiver'),
    );
  });
});
