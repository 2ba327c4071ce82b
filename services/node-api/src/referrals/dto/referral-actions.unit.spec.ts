import { CaseRights } from '@enlace/auth';
import { REFERRAL_COMMAND_TYPES, ReferralCommandType } from '@enlace/protocols';
import { REFERRAL_ACTIONS, referralActionsFor } from './referral-actions';

describe('referralActionsFor', () => {
  it('should name every command a user decides after its endpoint, in the protocol’s order', () => {
    expect(referralActionsFor(REFERRAL_COMMAND_TYPES)).toEqual([
      'accept',
      'decline',
      'request-information',
      'provide-information',
      'start-service',
      'close',
      'withdraw',
      'withdraw-consent',
    ]);
  });

  it.each<ReferralCommandType>([
    'DraftReferral',
    'ReceiveReferral',
    'SendReferral',
    'RecordDelivery',
    'ExpireReferral',
  ])('should offer no endpoint for %s, which the node decides itself', (command) => {
    expect(referralActionsFor([command])).toEqual([]);
  });

  it('should keep every action, each of which speaks across the border, for focal points', () => {
    const all = REFERRAL_COMMAND_TYPES;

    expect(referralActionsFor(all, ['case-worker'])).toEqual([]);
    expect(referralActionsFor(all, ['supervisor'])).toEqual([]);
    expect(referralActionsFor(all, ['focal-point'])).toHaveLength(8);
    expect(referralActionsFor(all, ['auditor', 'secretariat'])).toEqual([]);
    expect(referralActionsFor(all, [])).toEqual([]);
  });
});

describe('REFERRAL_ACTIONS', () => {
  it('should give answering to the answer right and the sender’s steps to the write right', () => {
    const rolesOf = (rights: readonly string[]) =>
      Object.entries(REFERRAL_ACTIONS)
        .filter(([, rule]) => rule.roles === rights)
        .map(([action]) => action)
        .sort();

    expect(rolesOf(CaseRights.answer)).toEqual(['accept', 'close', 'decline', 'request-information', 'start-service']);
    expect(rolesOf(CaseRights.write)).toEqual(['provide-information', 'withdraw', 'withdraw-consent']);
  });
});
