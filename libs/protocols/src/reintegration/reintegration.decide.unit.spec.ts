import { DeciderSpecification } from '../testing/decider-specification';
import {
  EXPECTED_COMMAND_TYPES,
  EXPECTED_TRANSITIONS,
  expectedRefusal,
  isExpectedAllowed,
} from '../testing/reintegration.expectations';
import {
  AGREED_AT,
  ARRIVED_AT,
  CONSENT,
  IMPLEMENTATION_AT,
  LATE_AGREED_AT,
  MONITORING_AT,
  OPENED_AT,
  OPENING,
  PLAN_DUE_AT,
  PLAN_ID,
  PLANNED_END_DATE,
  RECEIVED_AT,
  RE_REFERRAL_REASON,
  STATUSES_BY_SIDE,
  STEP_AT,
  historyOf,
  reintegrationEvents as e,
  validCommand,
} from '../testing/reintegration.fixtures';
import { ReintegrationCommand, ReintegrationOpening } from './reintegration.commands';
import { decideReintegration } from './reintegration.decide';
import { ReintegrationEvent } from './reintegration.events';
import { evolveReintegration } from './reintegration.evolve';
import { ReintegrationRuleViolation } from './reintegration-rule-violation.error';
import {
  REINTEGRATION_CLOSURE_REASONS,
  REINTEGRATION_SIDES,
  REINTEGRATION_SUPPORT_TYPES,
  ReintegrationClosureReason,
  ReintegrationSide,
  ReintegrationState,
  ReintegrationStatus,
  ReintegrationSupportType,
} from './reintegration.state';
import { REINTEGRATION_COMMAND_TYPES } from './reintegration.transitions';

const specFor = (side: ReintegrationSide) =>
  DeciderSpecification.for<ReintegrationState | undefined, ReintegrationCommand, ReintegrationEvent>({
    decide: (state, command) => decideReintegration(state, command, side),
    evolve: evolveReintegration,
    initialState: () => undefined,
  });

const asReceiver = specFor('receiver');
const asSender = specFor('sender');
const planId = PLAN_ID;

const open = (opening: Partial<ReintegrationOpening>, at = OPENED_AT): ReintegrationCommand => ({
  type: 'OpenReintegration',
  data: { ...OPENING, ...opening, at },
});

describe('decideReintegration', () => {
  describe('OpenReintegration', () => {
    it('should open the plan at the receiver with its corridor and consent', () => {
      asReceiver([])
        .when(validCommand('OpenReintegration'))
        .then([{ type: 'ReintegrationOpened', data: { ...OPENING, at: OPENED_AT } }]);
    });

    it('should open a plan the person does not want the sender told of', () => {
      asReceiver([])
        .when(open({ shareWithSender: false }))
        .then([e.opened({ shareWithSender: false })]);
    });

    it('should accept a plan due at the very arrival', () => {
      asReceiver([])
        .when(open({ planDueAt: ARRIVED_AT }))
        .then([e.opened({ planDueAt: ARRIVED_AT })]);
    });

    it('should carry nothing into the event but the fields of the opening', () => {
      const command = open({ consent: { ...CONSENT, signature: 'must not travel' } as typeof CONSENT });
      Object.assign(command.data, { personName: 'must not travel' });

      expect(decideReintegration(undefined, command, 'receiver')).toEqual([e.opened()]);
      expect(JSON.stringify(decideReintegration(undefined, command, 'receiver'))).not.toContain('must not travel');
    });

    it.each([
      ['is recorded only after the opening', { ...CONSENT, recordedAt: '2025-05-22T00:00:00.000Z' }],
      ['has expired', { ...CONSENT, expiresAt: '2025-05-21T08:45:00.000Z' }],
      ['expires at the very instant of the opening', { ...CONSENT, expiresAt: OPENED_AT }],
      ['has an unreadable recording time', { ...CONSENT, recordedAt: 'this morning' }],
    ])('should refuse to open when the consent %s', (_case, consent) => {
      asReceiver([]).when(open({ consent })).thenThrows('CONSENT_REQUIRED');
    });

    it.each([
      ['a plan due before the arrival', { planDueAt: '2025-05-20T17:59:59.000Z' }],
      ['an unreadable due time', { planDueAt: 'next month' }],
      ['an unreadable arrival', { arrivedAt: 'last week' }],
    ])('should refuse %s', (_case, opening) => {
      asReceiver([]).when(open(opening)).thenThrows('INVALID_DATE');
    });

    it('should refuse an opening at an instant nobody can read', () => {
      asReceiver([]).when(open({}, 'today')).thenThrows('INVALID_DATE');
    });

    it.each([0, -30, 7.5, Number.NaN, Number.POSITIVE_INFINITY])(
      'should refuse a follow-up interval of %p days',
      (followUpIntervalDays) => {
        asReceiver([]).when(open({ followUpIntervalDays })).thenThrows('INVALID_INTERVAL');
      },
    );
  });

  describe('ReceiveReintegration', () => {
    it("should start the sender's replica with the facts of the opening", () => {
      asSender([])
        .when(validCommand('ReceiveReintegration'))
        .then([{ type: 'ReintegrationReceived', data: { ...OPENING, openedAt: OPENED_AT, at: RECEIVED_AT } }]);
    });

    it('should refuse a reintegration the person did not consent to share with the sender', () => {
      asSender([])
        .when({
          type: 'ReceiveReintegration',
          data: { ...OPENING, shareWithSender: false, openedAt: OPENED_AT, at: RECEIVED_AT },
        })
        .thenThrows('CONSENT_REQUIRED');
    });

    it.each([
      ['the opening', { openedAt: 'earlier' }],
      ['the arrival at the sender', { at: 'now' }],
    ])('should refuse an unreadable instant of %s', (_case, instants) => {
      asSender([])
        .when({ type: 'ReceiveReintegration', data: { ...OPENING, openedAt: OPENED_AT, at: RECEIVED_AT, ...instants } })
        .thenThrows('INVALID_DATE');
    });

    it('should check the opening as the receiver did', () => {
      asSender([])
        .when({
          type: 'ReceiveReintegration',
          data: { ...OPENING, followUpIntervalDays: 0, openedAt: OPENED_AT, at: RECEIVED_AT },
        })
        .thenThrows('INVALID_INTERVAL');
    });
  });

  describe('AgreePlan', () => {
    it('should agree the plan in time', () => {
      asReceiver(historyOf('plan-pending', 'receiver'))
        .when(validCommand('AgreePlan'))
        .then([
          {
            type: 'ReintegrationPlanAgreed',
            data: {
              planId,
              supportTypes: ['Health', 'Livelihood'],
              plannedEndDate: PLANNED_END_DATE,
              agreedLate: false,
              at: AGREED_AT,
            },
          },
        ]);
    });

    it('should agree a plan at the very due time as in time', () => {
      asReceiver(historyOf('plan-pending', 'receiver'))
        .when({
          type: 'AgreePlan',
          data: { supportTypes: ['Health', 'Livelihood'], plannedEndDate: PLANNED_END_DATE, at: PLAN_DUE_AT },
        })
        .then([
          {
            type: 'ReintegrationPlanAgreed',
            data: {
              planId,
              supportTypes: ['Health', 'Livelihood'],
              plannedEndDate: PLANNED_END_DATE,
              agreedLate: false,
              at: PLAN_DUE_AT,
            },
          },
        ]);
    });

    it('should agree a late plan and record that it was late', () => {
      asReceiver(historyOf('plan-pending', 'receiver'))
        .when({
          type: 'AgreePlan',
          data: { supportTypes: ['Health', 'Livelihood'], plannedEndDate: PLANNED_END_DATE, at: LATE_AGREED_AT },
        })
        .then([e.planAgreed(true)]);
    });

    it('should accept every HTCDS support type, each once', () => {
      const supportTypes = [...REINTEGRATION_SUPPORT_TYPES, 'Health' as const];
      const [event] = decideReintegration(
        historyOf('plan-pending', 'receiver').reduce(evolveReintegration, undefined),
        { type: 'AgreePlan', data: { supportTypes, plannedEndDate: PLANNED_END_DATE, at: AGREED_AT } },
        'receiver',
      );

      expect(event).toMatchObject({ data: { supportTypes: REINTEGRATION_SUPPORT_TYPES } });
    });

    it.each([
      ['no support type', []],
      ['a support type HTCDS does not define', ['Health', 'Housing']],
    ])('should refuse a plan with %s', (_case, supportTypes) => {
      asReceiver(historyOf('plan-pending', 'receiver'))
        .when({
          type: 'AgreePlan',
          data: {
            supportTypes: supportTypes as ReintegrationSupportType[],
            plannedEndDate: PLANNED_END_DATE,
            at: AGREED_AT,
          },
        })
        .thenThrows('SUPPORT_REQUIRED');
    });

    it.each([
      ['ends before it is agreed', '2025-06-01T00:00:00.000Z'],
      ['has an unreadable end date', 'end of the year'],
    ])('should refuse a plan that %s', (_case, plannedEndDate) => {
      asReceiver(historyOf('plan-pending', 'receiver'))
        .when({ type: 'AgreePlan', data: { supportTypes: ['Legal'], plannedEndDate, at: AGREED_AT } })
        .thenThrows('INVALID_DATE');
    });
  });

  describe('StartImplementation', () => {
    it('should start implementing an agreed plan', () => {
      asReceiver(historyOf('plan-agreed', 'receiver'))
        .when(validCommand('StartImplementation'))
        .then([{ type: 'ImplementationStarted', data: { planId, at: IMPLEMENTATION_AT } }]);
    });
  });

  describe('StartMonitoring', () => {
    it('should start monitoring with the first follow-up due one interval later', () => {
      asReceiver(historyOf('in-implementation', 'receiver'))
        .when({ type: 'StartMonitoring', data: { at: MONITORING_AT } })
        .then([e.monitoringStarted()]);
    });

    it('should refuse an instant nobody can read, from which no due time can be computed', () => {
      asReceiver(historyOf('in-implementation', 'receiver'))
        .when({ type: 'StartMonitoring', data: { at: 'today' } })
        .thenThrows('INVALID_DATE');
    });
  });

  describe('ReportFollowUp', () => {
    it('should record the first follow-up and set the next due time', () => {
      asReceiver(historyOf('monitoring', 'receiver'))
        .when(validCommand('ReportFollowUp'))
        .then([e.followUp(1)]);
    });

    it('should send the case to risk review on signs of re-trafficking, with no follow-up due', () => {
      asReceiver(historyOf('monitoring', 'receiver'))
        .when(validCommand('ReportFollowUp', 'negative'))
        .then([e.followUp(1, { signsOfRetrafficking: true, wellbeing: 'deteriorating' })]);
    });
  });

  describe('ResolveRiskReview', () => {
    it('should go back to monitoring with a follow-up due one interval after the review', () => {
      asReceiver(historyOf('risk-review', 'receiver'))
        .when(validCommand('ResolveRiskReview'))
        .then([e.riskContinued()]);
    });

    it('should re-refer the person', () => {
      asReceiver(historyOf('risk-review', 'receiver'))
        .when(validCommand('ResolveRiskReview', 'negative'))
        .then([e.riskReReferred()]);
    });

    it.each(['continue', 're-refer'] as const)('should refuse to %s without a reason', (outcome) => {
      asReceiver(historyOf('risk-review', 'receiver'))
        .when({ type: 'ResolveRiskReview', data: { outcome, reason: ' ', at: STEP_AT } })
        .thenThrows('REASON_REQUIRED');
    });
  });

  describe('CloseReintegration', () => {
    it.each(
      (['plan-agreed', 'in-implementation', 'monitoring'] as const).flatMap((status) =>
        REINTEGRATION_CLOSURE_REASONS.map((reason) => [status, reason] as const),
      ),
    )('should close a reintegration that is %s because %s', (status, reason) => {
      asReceiver(historyOf(status, 'receiver'))
        .when({ type: 'CloseReintegration', data: { reason, at: STEP_AT } })
        .then([e.closed(reason)]);
    });

    it.each(['', 'finished', undefined])('should refuse a reason outside the list (%p)', (reason) => {
      asReceiver(historyOf('monitoring', 'receiver'))
        .when({ type: 'CloseReintegration', data: { reason: reason as ReintegrationClosureReason, at: STEP_AT } })
        .thenThrows('REASON_REQUIRED');
    });
  });

  describe('ReReferral', () => {
    it.each(['in-implementation', 'monitoring'] as const)('should re-refer a reintegration that is %s', (status) => {
      asReceiver(historyOf(status, 'receiver'))
        .when(validCommand('ReReferral'))
        .then([{ type: 'ReintegrationReReferred', data: { planId, reason: RE_REFERRAL_REASON, at: STEP_AT } }]);
    });

    it('should refuse a re-referral without a reason', () => {
      asReceiver(historyOf('monitoring', 'receiver'))
        .when({ type: 'ReReferral', data: { reason: '', at: STEP_AT } })
        .thenThrows('REASON_REQUIRED');
    });
  });

  describe('WithdrawReintegrationConsent', () => {
    it.each(
      REINTEGRATION_SIDES.flatMap((side) =>
        (['plan-pending', 'plan-agreed', 'in-implementation', 'monitoring', 'risk-review'] as const).map(
          (status) => [side, status] as const,
        ),
      ),
    )('should record the withdrawal of consent at the %s when the reintegration is %s', (side, status) => {
      specFor(side)(historyOf(status, side))
        .when(validCommand('WithdrawReintegrationConsent'))
        .then([e.consentWithdrawn()]);
    });
  });

  describe('every allowed transition', () => {
    const cases = EXPECTED_TRANSITIONS.flatMap((row) =>
      row.by
        .filter((side) => row.from === undefined || STATUSES_BY_SIDE[side].includes(row.from))
        .map((side) => [row.command, side, row.from ?? '(none)', row.to, row.variant, row.from] as const),
    );

    it.each(cases)('should let %s by the %s move %s to %s (%s)', (command, side, _shown, to, variant, from) => {
      const state = from === undefined ? undefined : historyOf(from, side).reduce(evolveReintegration, undefined);
      const events = decideReintegration(state, validCommand(command, variant), side);
      const next = events.reduce(evolveReintegration, state);

      expect(events).toHaveLength(1);
      expect(next?.status).toBe(to);
    });
  });

  describe('every forbidden combination', () => {
    // Every (status, command, issuing side) the design does not allow, on a replica of either end (no status:
    // no replica yet). The replica's end plays no part in the decision, so both must refuse alike.
    const forbidden = REINTEGRATION_SIDES.flatMap((replica) =>
      [undefined, ...STATUSES_BY_SIDE[replica]].flatMap((status) =>
        REINTEGRATION_SIDES.flatMap((side) =>
          EXPECTED_COMMAND_TYPES.filter((command) => !isExpectedAllowed(command, side, status)).map(
            (command) =>
              [command, side, status ?? '(none)', replica, expectedRefusal(command, side, status), status] as const,
          ),
        ),
      ),
    );

    it('should cover every command the protocol knows', () => {
      expect([...EXPECTED_COMMAND_TYPES].sort()).toEqual([...REINTEGRATION_COMMAND_TYPES].sort());
    });

    it.each(forbidden)(
      'should refuse %s by the %s when %s on the %s replica with %s',
      (command, side, _shown, replica, code, status) => {
        specFor(side)(status === undefined ? [] : historyOf(status, replica))
          .when(validCommand(command))
          .thenThrows(code);
      },
    );
  });

  describe('a command replayed on the other end', () => {
    // A node may replay the command a message carried on its own replica; the decision must be the one the
    // issuing end made on its replica, so both record the same events.
    const replays = EXPECTED_TRANSITIONS.filter((row) => row.from !== undefined).flatMap((row) =>
      row.by.map((issuer) => [row.command, issuer, row.from as ReintegrationStatus, row.variant] as const),
    );

    it.each(replays)(
      'should decide %s by the %s alike on both replicas when %s (%s)',
      (command, issuer, status, variant) => {
        const counterpart: ReintegrationSide = issuer === 'receiver' ? 'sender' : 'receiver';
        const own = historyOf(status, issuer).reduce<ReintegrationState | undefined>(evolveReintegration, undefined);
        const other = historyOf(status, counterpart).reduce<ReintegrationState | undefined>(
          evolveReintegration,
          undefined,
        );

        expect(decideReintegration(other, validCommand(command, variant), issuer)).toEqual(
          decideReintegration(own, validCommand(command, variant), issuer),
        );
      },
    );
  });

  describe('ReintegrationRuleViolation', () => {
    const thrownBy = (run: () => unknown): unknown => {
      try {
        run();
      } catch (error: unknown) {
        return error;
      }
      return undefined;
    };

    it('should carry the rule, the status and the command', () => {
      const state = historyOf('monitoring', 'receiver').reduce(evolveReintegration, undefined);
      const report: ReintegrationCommand = {
        type: 'ReportFollowUp',
        data: { sequence: 3, wellbeing: 'stable', signsOfRetrafficking: false, at: STEP_AT },
      };

      const thrown = thrownBy(() => decideReintegration(state, report, 'receiver'));

      expect(thrown).toBeInstanceOf(ReintegrationRuleViolation);
      expect(thrown).toMatchObject({ code: 'OUT_OF_ORDER', status: 'monitoring', commandType: 'ReportFollowUp' });
    });

    it('should name none of the data the command carried', () => {
      const state = historyOf('closed', 'receiver').reduce(evolveReintegration, undefined);
      const secret = 'the recruiter found the person at the family home';
      const reReferral: ReintegrationCommand = { type: 'ReReferral', data: { reason: secret, at: STEP_AT } };

      const thrown = thrownBy(() => decideReintegration(state, reReferral, 'receiver')) as ReintegrationRuleViolation;

      expect(thrown.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(thrown.message).not.toContain(secret);
      expect(thrown.message).not.toContain(PLAN_ID);
    });
  });
});
