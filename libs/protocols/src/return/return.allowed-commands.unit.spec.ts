import { historyOf, returnEvents as e, SAFEGUARDS_MET } from '../testing/return.fixtures';
import { allowedReturnCommands } from './return.allowed-commands';
import { ReturnEvent } from './return.events';
import { evolveReturn } from './return.evolve';
import { ReturnState } from './return.state';

const stateOf = (events: ReturnEvent[]): ReturnState =>
  events.reduce<ReturnState | undefined>(evolveReturn, undefined) as ReturnState;

describe('allowedReturnCommands', () => {
  it('should offer the sender the request and the receiver its arrival when no return exists', () => {
    expect(allowedReturnCommands(undefined, 'sender')).toEqual(['RequestReturn']);
    expect(allowedReturnCommands(undefined, 'receiver')).toEqual(['ReceiveReturnRequest']);
  });

  it.each([
    ['sender', 'requested', ['SuspendReturn', 'CancelReturnByPerson', 'WithdrawReturnConsent']],
    ['receiver', 'requested', ['VerifyNationality', 'SuspendReturn', 'WithdrawReturnConsent']],
    [
      'sender',
      'nationality-verified',
      ['RecordRiskAssessment', 'SuspendReturn', 'CancelReturnByPerson', 'WithdrawReturnConsent'],
    ],
    ['receiver', 'nationality-verified', ['RecordRiskAssessment', 'SuspendReturn', 'WithdrawReturnConsent']],
    ['sender', 'risk-assessed', ['SuspendReturn', 'CancelReturnByPerson', 'WithdrawReturnConsent']],
    ['receiver', 'risk-assessed', ['ProposeReceptionPlan', 'SuspendReturn', 'WithdrawReturnConsent']],
    [
      'sender',
      'plan-proposed',
      ['ConfirmReceptionPlan', 'RejectReceptionPlan', 'SuspendReturn', 'CancelReturnByPerson', 'WithdrawReturnConsent'],
    ],
    ['receiver', 'plan-confirmed', ['IssueTravelDocuments', 'SuspendReturn', 'WithdrawReturnConsent']],
    [
      'sender',
      'travel-scheduled',
      [
        'RecordDeparture',
        'ScheduleTravel',
        'RecordNoShow',
        'SuspendReturn',
        'CancelReturnByPerson',
        'WithdrawReturnConsent',
      ],
    ],
    ['sender', 'no-show', ['ScheduleTravel', 'SuspendReturn', 'CancelReturnByPerson', 'WithdrawReturnConsent']],
    ['sender', 'departed', ['WithdrawReturnConsent']],
    ['receiver', 'departed', ['RecordArrival', 'WithdrawReturnConsent']],
    ['receiver', 'arrived', ['HandOverToReintegration', 'WithdrawReturnConsent']],
    ['sender', 'suspended', ['ResumeReturn', 'CancelReturnByPerson', 'WithdrawReturnConsent']],
    ['receiver', 'suspended', ['SuspendReturn', 'WithdrawReturnConsent']],
  ] as const)(
    "should offer the %s of an adult's return that is %s the steps forward first",
    (side, status, expected) => {
      expect(allowedReturnCommands(stateOf(historyOf(status, side)), side)).toEqual(expected);
    },
  );

  it("should offer each end its own child safeguards while a child's return is risk-assessed", () => {
    const sender = stateOf(historyOf('risk-assessed', 'sender', 'child'));
    const receiver = stateOf(historyOf('risk-assessed', 'receiver', 'child'));

    expect(allowedReturnCommands(sender, 'sender')).toEqual([
      'AppointGuardian',
      'RecordBestInterestsDetermination',
      'SuspendReturn',
      'CancelReturnByPerson',
      'WithdrawReturnConsent',
    ]);
    expect(allowedReturnCommands(receiver, 'receiver')).toEqual([
      'RecordFamilyAssessment',
      'ProposeReceptionPlan',
      'SuspendReturn',
      'WithdrawReturnConsent',
    ]);
  });

  it('should stop offering a child safeguard once it is recorded', () => {
    const met = stateOf([...historyOf('risk-assessed', 'sender', 'child'), ...SAFEGUARDS_MET]);

    expect(allowedReturnCommands(met, 'sender')).toEqual([
      'SuspendReturn',
      'CancelReturnByPerson',
      'WithdrawReturnConsent',
    ]);
  });

  it('should offer the resumption to both ends when both hold the return suspended', () => {
    const both = stateOf([...historyOf('suspended', 'receiver'), e.suspended('receiver')]);

    expect(allowedReturnCommands(both, 'sender')).toContain('ResumeReturn');
    expect(allowedReturnCommands(both, 'receiver')).toEqual(['ResumeReturn', 'WithdrawReturnConsent']);
  });

  it('should offer the delivery receipt only until it is recorded', () => {
    expect(allowedReturnCommands(stateOf([e.requested()]), 'sender')[0]).toBe('RecordReturnDelivery');
    expect(allowedReturnCommands(stateOf(historyOf('requested', 'sender')), 'sender')).not.toContain(
      'RecordReturnDelivery',
    );
  });

  it.each([
    'nationality-not-confirmed',
    'not-safe',
    'barred',
    'handed-over',
    'cancelled',
    'consent-withdrawn',
  ] as const)('should offer nothing once the return is %s', (status) => {
    expect(allowedReturnCommands(stateOf(historyOf(status, 'sender', 'child')), 'sender')).toEqual([]);
    expect(allowedReturnCommands(stateOf(historyOf(status, 'receiver', 'child')), 'receiver')).toEqual([]);
  });
});
