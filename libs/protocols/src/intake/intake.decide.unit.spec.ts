import { DeciderSpecification } from '../testing/decider-specification';
import type { IntakeCommand } from './intake.commands';
import { decideIntake } from './intake.decide';
import type { IntakeEvent } from './intake.events';
import { evolveIntake } from './intake.evolve';
import type { IntakeState } from './intake.state';

const given = DeciderSpecification.for<IntakeState | undefined, IntakeCommand, IntakeEvent>({
  decide: decideIntake,
  evolve: evolveIntake,
  initialState: () => undefined,
});

const intakeId = '6f1c3a52-93a4-4c1e-8f0e-3d1b2a7c9e10';
const caseId = '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10';
const RECORDED_AT = '2026-03-13T16:00:00.000Z';
const SCREENED_AT = '2026-03-13T17:00:00.000Z';
const CONVERTED_AT = '2026-03-14T09:00:00.000Z';

const recorded: IntakeEvent = { type: 'IntakeRecorded', data: { intakeId, at: RECORDED_AT } };
const screenedAs = (outcome: 'presumed-victim' | 'not-a-case' | 'needs-information', reason?: string): IntakeEvent => ({
  type: 'IntakeScreened',
  data: { intakeId, outcome, ...(reason ? { reason } : {}), at: SCREENED_AT },
});
const converted: IntakeEvent = {
  type: 'IntakeConverted',
  data: { intakeId, protocol: 'referral', caseId, at: CONVERTED_AT },
};
const screen = (outcome: 'presumed-victim' | 'not-a-case' | 'needs-information', reason?: string): IntakeCommand => ({
  type: 'ScreenIntake',
  data: { outcome, ...(reason !== undefined ? { reason } : {}), at: SCREENED_AT },
});
const convertTo = (protocol: 'referral' | 'return'): IntakeCommand => ({
  type: 'ConvertIntake',
  data: { protocol, caseId, at: CONVERTED_AT },
});

describe('decideIntake', () => {
  describe('RecordIntake', () => {
    it('should record a new intake', () => {
      given([])
        .when({ type: 'RecordIntake', data: { intakeId, at: RECORDED_AT } })
        .then([recorded]);
    });

    it('should refuse to record an intake twice', () => {
      given([recorded])
        .when({ type: 'RecordIntake', data: { intakeId, at: RECORDED_AT } })
        .thenThrows('ALREADY_EXISTS');
    });
  });

  describe('ScreenIntake', () => {
    it('should screen a recorded intake as a presumed victim without a reason', () => {
      given([recorded])
        .when(screen('presumed-victim'))
        .then([screenedAs('presumed-victim')]);
    });

    it('should screen an intake as not a case with its reason', () => {
      given([recorded])
        .when(screen('not-a-case', 'Labour dispute, no sign of control'))
        .then([screenedAs('not-a-case', 'Labour dispute, no sign of control')]);
    });

    it.each(['not-a-case', 'needs-information'] as const)('should refuse %s without a reason', (outcome) => {
      given([recorded]).when(screen(outcome, '  ')).thenThrows('REASON_REQUIRED');
    });

    it('should screen again an intake that needed more information', () => {
      given([recorded, screenedAs('needs-information', 'Call back for the city')])
        .when(screen('presumed-victim'))
        .then([screenedAs('presumed-victim')]);
    });

    it.each([
      ['a presumed victim', [recorded, screenedAs('presumed-victim')]],
      ['not a case', [recorded, screenedAs('not-a-case', 'No sign')]],
      ['converted', [recorded, screenedAs('presumed-victim'), converted]],
    ])('should refuse to screen an intake already %s', (_status, events) => {
      given(events).when(screen('needs-information', 'More')).thenThrows('TRANSITION_NOT_ALLOWED');
    });

    it('should refuse to screen an intake that was never recorded', () => {
      given([]).when(screen('presumed-victim')).thenThrows('NOT_FOUND');
    });
  });

  describe('EraseIntake', () => {
    const erase = (): IntakeCommand => ({ type: 'EraseIntake', data: { at: CONVERTED_AT } });
    const erased: IntakeEvent = { type: 'IntakeErased', data: { intakeId, at: CONVERTED_AT } };

    it.each([
      ['recorded', [recorded]],
      ['not a case', [recorded, screenedAs('not-a-case', 'No sign')]],
      ['converted', [recorded, screenedAs('presumed-victim'), converted]],
    ])('should erase the data of an intake %s', (_status, events) => {
      given(events).when(erase()).then([erased]);
    });

    it.each([
      ['a screening', screen('presumed-victim')],
      ['a conversion', convertTo('referral')],
      ['a second erasure', erase()],
    ])('should refuse %s once the data are erased', (_what, command) => {
      given([recorded, screenedAs('presumed-victim'), erased])
        .when(command)
        .thenThrows('TRANSITION_NOT_ALLOWED');
    });
  });

  describe('ConvertIntake', () => {
    it.each(['referral', 'return'] as const)('should turn a presumed victim into a %s', (protocol) => {
      given([recorded, screenedAs('presumed-victim')])
        .when(convertTo(protocol))
        .then([{ type: 'IntakeConverted', data: { intakeId, protocol, caseId, at: CONVERTED_AT } }]);
    });

    it.each([
      ['not yet screened', [recorded]],
      ['needing more information', [recorded, screenedAs('needs-information', 'More')]],
      ['not a case', [recorded, screenedAs('not-a-case', 'No sign')]],
      ['converted already', [recorded, screenedAs('presumed-victim'), converted]],
    ])('should refuse to convert an intake %s', (_status, events) => {
      given(events).when(convertTo('referral')).thenThrows('TRANSITION_NOT_ALLOWED');
    });
  });

  describe('MergeIntake', () => {
    const mergeInto: IntakeCommand = { type: 'MergeIntake', data: { protocol: 'return', caseId, at: CONVERTED_AT } };
    const merged: IntakeEvent = {
      type: 'IntakeMerged',
      data: { intakeId, protocol: 'return', caseId, at: CONVERTED_AT },
    };

    it.each([
      ['just recorded', [recorded]],
      ['needing more information', [recorded, screenedAs('needs-information', 'More')]],
      ['a presumed victim', [recorded, screenedAs('presumed-victim')]],
    ])('should merge an intake %s into the existing case of the same person', (_status, events) => {
      given(events).when(mergeInto).then([merged]);
    });

    it('should leave the intake merged, naming the case it joined', () => {
      expect([recorded, merged].reduce(evolveIntake, undefined as IntakeState | undefined)).toMatchObject({
        status: 'merged',
        conversion: { protocol: 'return', caseId, at: CONVERTED_AT },
      });
    });

    it.each([
      ['not a case', [recorded, screenedAs('not-a-case', 'No sign')]],
      ['converted already', [recorded, screenedAs('presumed-victim'), converted]],
      ['merged already', [recorded, merged]],
    ])('should refuse to merge an intake %s', (_status, events) => {
      given(events).when(mergeInto).thenThrows('TRANSITION_NOT_ALLOWED');
    });
  });

  describe('the whole way from a call to a case', () => {
    it('should leave an intake converted, naming the case it became, once each decided step is applied', () => {
      const steps: IntakeCommand[] = [
        { type: 'RecordIntake', data: { intakeId, at: RECORDED_AT } },
        screen('presumed-victim'),
        convertTo('referral'),
      ];
      const state = steps.reduce<IntakeState | undefined>(
        (current, command) => decideIntake(current, command).reduce(evolveIntake, current),
        undefined,
      );

      expect(state).toMatchObject({
        intakeId,
        status: 'converted',
        screening: { outcome: 'presumed-victim', at: SCREENED_AT },
        conversion: { protocol: 'referral', caseId, at: CONVERTED_AT },
      });
    });
  });
});
