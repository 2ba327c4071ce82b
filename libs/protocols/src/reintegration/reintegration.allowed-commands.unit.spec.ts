import { historyOf } from '../testing/reintegration.fixtures';
import { allowedReintegrationCommands } from './reintegration.allowed-commands';
import { evolveReintegration } from './reintegration.evolve';
import { ReintegrationSide, ReintegrationState, ReintegrationStatus } from './reintegration.state';

const stateOf = (status: ReintegrationStatus, side: ReintegrationSide): ReintegrationState =>
  historyOf(status, side).reduce<ReintegrationState | undefined>(evolveReintegration, undefined) as ReintegrationState;

describe('allowedReintegrationCommands', () => {
  it('should offer the receiver the opening and the sender the arrival when no reintegration exists', () => {
    expect(allowedReintegrationCommands(undefined, 'receiver')).toEqual(['OpenReintegration']);
    expect(allowedReintegrationCommands(undefined, 'sender')).toEqual(['ReceiveReintegration']);
  });

  it.each([
    ['plan-pending', ['AgreePlan', 'WithdrawReintegrationConsent']],
    ['plan-agreed', ['StartImplementation', 'CloseReintegration', 'WithdrawReintegrationConsent']],
    ['in-implementation', ['StartMonitoring', 'CloseReintegration', 'ReReferral', 'WithdrawReintegrationConsent']],
    ['monitoring', ['ReportFollowUp', 'CloseReintegration', 'ReReferral', 'WithdrawReintegrationConsent']],
    ['risk-review', ['ResolveRiskReview', 'WithdrawReintegrationConsent']],
  ] as const)('should offer the receiver of a reintegration that is %s the steps forward first', (status, expected) => {
    expect(allowedReintegrationCommands(stateOf(status, 'receiver'), 'receiver')).toEqual(expected);
  });

  it.each(['plan-pending', 'plan-agreed', 'in-implementation', 'monitoring', 'risk-review'] as const)(
    'should offer the sender only the withdrawal of consent while the reintegration is %s',
    (status) => {
      expect(allowedReintegrationCommands(stateOf(status, 'sender'), 'sender')).toEqual([
        'WithdrawReintegrationConsent',
      ]);
    },
  );

  it.each(['closed', 're-referred', 'consent-withdrawn'] as const)(
    'should offer nothing once the reintegration is %s',
    (status) => {
      expect(allowedReintegrationCommands(stateOf(status, 'receiver'), 'receiver')).toEqual([]);
      expect(allowedReintegrationCommands(stateOf(status, 'sender'), 'sender')).toEqual([]);
    },
  );

  it("should list the other end's commands for a replay on this replica", () => {
    expect(allowedReintegrationCommands(stateOf('monitoring', 'sender'), 'receiver')).toEqual(
      allowedReintegrationCommands(stateOf('monitoring', 'receiver'), 'receiver'),
    );
  });
});
