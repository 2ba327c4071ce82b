import { DeciderSpecification } from '../testing/decider-specification';
import {
  FIRST_FOLLOW_UP_AT,
  FIRST_FOLLOW_UP_DUE_AT,
  MONITORING_AT,
  NEXT_AFTER_STEP_DUE_AT,
  PLAN_ID,
  RE_REFERRAL_REASON,
  SECOND_FOLLOW_UP_DUE_AT,
  STEP_AT,
  historyOf,
  reintegrationEvents as e,
} from '../testing/reintegration.fixtures';
import { ReintegrationCommand } from './reintegration.commands';
import { decideReintegration } from './reintegration.decide';
import { ReintegrationEvent } from './reintegration.events';
import { evolveReintegration } from './reintegration.evolve';
import { ReintegrationState, ReintegrationWellbeing } from './reintegration.state';

// Follow-up reports in monitoring: their numbering, their due times, and the risk review that a sign of
// re-trafficking opens.

const asReceiver = DeciderSpecification.for<ReintegrationState | undefined, ReintegrationCommand, ReintegrationEvent>({
  decide: (state, command) => decideReintegration(state, command, 'receiver'),
  evolve: evolveReintegration,
  initialState: () => undefined,
});

const report = (
  sequence: number,
  at: string,
  signsOfRetrafficking = false,
  wellbeing: ReintegrationWellbeing = 'stable',
): ReintegrationCommand => ({ type: 'ReportFollowUp', data: { sequence, wellbeing, signsOfRetrafficking, at } });

const run = (history: ReintegrationEvent[], ...commands: ReintegrationCommand[]): ReintegrationState =>
  commands.reduce(
    (state, command) => decideReintegration(state, command, 'receiver').reduce(evolveReintegration, state),
    history.reduce<ReintegrationState | undefined>(evolveReintegration, undefined) as ReintegrationState,
  );

describe('decideReintegration', () => {
  describe('ReportFollowUp', () => {
    describe('sequencing', () => {
      it.each([0, 2, 3, -1, 1.5])('should refuse follow-up %p as the first', (sequence) => {
        asReceiver(historyOf('monitoring', 'receiver'))
          .when(report(sequence, FIRST_FOLLOW_UP_AT))
          .thenThrows('OUT_OF_ORDER');
      });

      it('should take the reports one after the other and count them', () => {
        const state = run(
          historyOf('monitoring', 'receiver'),
          report(1, '2025-07-30T10:00:00.000Z'),
          report(2, '2025-08-28T10:00:00.000Z', false, 'improving'),
          report(3, '2025-09-27T10:00:00.000Z'),
        );

        expect(state).toMatchObject({
          status: 'monitoring',
          followUpCount: 3,
          lastFollowUp: {
            sequence: 3,
            wellbeing: 'stable',
            signsOfRetrafficking: false,
            at: '2025-09-27T10:00:00.000Z',
          },
        });
      });

      it('should refuse a report sent twice', () => {
        asReceiver([...historyOf('monitoring', 'receiver'), e.followUp(1)])
          .when(report(1, STEP_AT))
          .thenThrows('OUT_OF_ORDER');
      });

      it('should refuse a report that skips one', () => {
        asReceiver([...historyOf('monitoring', 'receiver'), e.followUp(1)])
          .when(report(3, STEP_AT))
          .thenThrows('OUT_OF_ORDER');
      });

      it('should go on numbering after a risk review lets monitoring continue', () => {
        asReceiver([...historyOf('risk-review', 'receiver'), e.riskContinued()])
          .when(report(2, '2025-09-01T10:00:00.000Z'))
          .then([
            {
              type: 'FollowUpReported',
              data: {
                planId: PLAN_ID,
                sequence: 2,
                wellbeing: 'stable',
                signsOfRetrafficking: false,
                nextFollowUpDueAt: '2025-10-01T10:00:00.000Z',
                at: '2025-09-01T10:00:00.000Z',
              },
            },
          ]);
      });
    });

    describe('due times', () => {
      it('should make the first report due one interval after monitoring starts', () => {
        const state = run(historyOf('in-implementation', 'receiver'), {
          type: 'StartMonitoring',
          data: { at: MONITORING_AT },
        });

        expect(state.nextFollowUpDueAt).toBe(FIRST_FOLLOW_UP_DUE_AT);
      });

      it('should make the next report due one interval after the last one, even a late one', () => {
        const late = '2025-08-10T10:00:00.000Z';

        expect(run(historyOf('monitoring', 'receiver'), report(1, late)).nextFollowUpDueAt).toBe(
          '2025-09-09T10:00:00.000Z',
        );
        expect(run(historyOf('monitoring', 'receiver'), report(1, FIRST_FOLLOW_UP_AT)).nextFollowUpDueAt).toBe(
          SECOND_FOLLOW_UP_DUE_AT,
        );
      });

      it("should count the corridor's own interval", () => {
        const weekly = [e.opened({ followUpIntervalDays: 7 }), ...historyOf('monitoring', 'receiver').slice(1, -1)];
        const state = run(
          weekly,
          { type: 'StartMonitoring', data: { at: '2025-07-01T10:00:00+02:00' } },
          report(1, '2025-07-07T23:30:00.000Z'),
        );

        expect(state.monitoringStartedAt).toBe('2025-07-01T10:00:00+02:00');
        expect(state.nextFollowUpDueAt).toBe('2025-07-14T23:30:00.000Z');
      });
    });
  });

  describe('a sign of re-trafficking', () => {
    const signs = report(1, FIRST_FOLLOW_UP_AT, true, 'deteriorating');

    it('should send the case back to risk review, with no follow-up due meanwhile', () => {
      const state = run(historyOf('monitoring', 'receiver'), signs);

      expect(state).toMatchObject({
        status: 'risk-review',
        followUpCount: 1,
        riskReview: { openedAt: FIRST_FOLLOW_UP_AT, followUpSequence: 1 },
      });
      expect(state.nextFollowUpDueAt).toBeUndefined();
    });

    it('should send the case to risk review whatever the wellbeing reported', () => {
      expect(run(historyOf('monitoring', 'receiver'), report(1, FIRST_FOLLOW_UP_AT, true, 'improving')).status).toBe(
        'risk-review',
      );
    });

    it('should go back to monitoring when the review decides to continue', () => {
      const state = run(historyOf('monitoring', 'receiver'), signs, {
        type: 'ResolveRiskReview',
        data: { outcome: 'continue', reason: 'safety plan agreed', at: STEP_AT },
      });

      expect(state).toMatchObject({
        status: 'monitoring',
        nextFollowUpDueAt: NEXT_AFTER_STEP_DUE_AT,
        riskReview: {
          openedAt: FIRST_FOLLOW_UP_AT,
          followUpSequence: 1,
          resolution: { outcome: 'continue', reason: 'safety plan agreed', at: STEP_AT },
        },
      });
    });

    it('should end re-referred when the review decides to re-refer', () => {
      const state = run(historyOf('monitoring', 'receiver'), signs, {
        type: 'ResolveRiskReview',
        data: { outcome: 're-refer', reason: RE_REFERRAL_REASON, at: STEP_AT },
      });

      expect(state).toMatchObject({
        status: 're-referred',
        reReferral: { reason: RE_REFERRAL_REASON, at: STEP_AT },
        riskReview: { resolution: { outcome: 're-refer' } },
      });
    });

    it('should open a new review on a later sign, after monitoring continued', () => {
      const state = run(
        [...historyOf('risk-review', 'receiver'), e.riskContinued()],
        report(2, '2025-09-01T10:00:00.000Z', true),
      );

      expect(state).toMatchObject({
        status: 'risk-review',
        followUpCount: 2,
        riskReview: { openedAt: '2025-09-01T10:00:00.000Z', followUpSequence: 2 },
      });
      expect(state.riskReview?.resolution).toBeUndefined();
    });

    it('should let no follow-up be reported while the review is open', () => {
      asReceiver(historyOf('risk-review', 'receiver')).when(report(2, STEP_AT)).thenThrows('TRANSITION_NOT_ALLOWED');
    });
  });
});
