import type { Role } from '@enlace/auth';
import type { IntakeState } from '@enlace/protocols';
import type { IntakeDocument } from '../persistence/intake.document';
import { intakeActionsFor, toIntakeSummary, toIntakeView } from './intake.view';

const intakeId = '6f1c3a52-93a4-4c1e-8f0e-3d1b2a7c9e10';
const stateIn = (status: IntakeState['status'], extra: Partial<IntakeState> = {}): IntakeState => ({
  intakeId,
  status,
  recordedAt: '2026-03-13T16:00:00.000Z',
  ...extra,
});

const document = (state: IntakeState): IntakeDocument => ({
  id: intakeId,
  state,
  channel: 'hotline',
  urgency: 'high',
  believedCountry: 'EC',
  indicators: { methodsOfControl: ['DebtBondage'] },
  personal: { person: { firstName: 'Ana' }, reporter: { relationship: 'family', name: 'Rosa' } },
  timeline: [{ at: '2026-03-13T16:00:00.000Z', event: 'IntakeRecorded', status: 'recorded' }],
  version: 0,
  createdAt: new Date('2026-03-13T16:00:00.000Z'),
  updatedAt: new Date('2026-03-13T17:00:00.000Z'),
});

describe(intakeActionsFor, () => {
  it.each<[string, IntakeState, Role[], string[]]>([
    ['a supervisor, on a recorded intake', stateIn('recorded'), ['supervisor'], ['screen', 'merge', 'erase']],
    ['a supervisor, on one needing more', stateIn('needs-information'), ['supervisor'], ['screen', 'merge', 'erase']],
    ['a supervisor, on a presumed victim', stateIn('presumed-victim'), ['supervisor'], ['merge', 'erase']],
    ['a supervisor, on a merged intake', stateIn('merged'), ['supervisor'], ['erase']],
    ['a focal point, on a presumed victim', stateIn('presumed-victim'), ['focal-point'], ['referral', 'return']],
    ['a focal point, on a recorded intake', stateIn('recorded'), ['focal-point'], []],
    ['a hotline operator, on anything', stateIn('recorded'), ['hotline'], []],
    ['a supervisor, once erased', stateIn('recorded', { erasedAt: 't' }), ['supervisor'], []],
  ])('should offer %s what the rules allow', (_who, state, roles, expected) => {
    expect(intakeActionsFor(state, roles)).toEqual(expected);
  });
});

describe(toIntakeSummary, () => {
  it('should carry no personal data', () => {
    const summary = toIntakeSummary(document(stateIn('recorded')));

    expect(summary).toEqual({
      id: intakeId,
      status: 'recorded',
      channel: 'hotline',
      urgency: 'high',
      believedCountry: 'EC',
      recordedAt: '2026-03-13T16:00:00.000Z',
      updatedAt: '2026-03-13T17:00:00.000Z',
    });
  });
});

describe(toIntakeView, () => {
  it('should name a presumed victim and a refused report in HTCDS terms', () => {
    const presumed = toIntakeView(
      document(stateIn('presumed-victim', { screening: { outcome: 'presumed-victim', at: 't' } })),
    );
    const refused = toIntakeView(
      document(stateIn('not-a-case', { screening: { outcome: 'not-a-case', reason: 'No sign', at: 't' } })),
    );

    expect(presumed.screening).toEqual({
      outcome: 'presumed-victim',
      traffickingStatus: 'PossibleVictimOfTrafficking',
      at: 't',
    });
    expect(refused.screening).toMatchObject({ traffickingStatus: 'NotAVictimOfTrafficking', reason: 'No sign' });
  });

  it('should show the case the intake became', () => {
    const view = toIntakeView(
      document(stateIn('converted', { conversion: { protocol: 'referral', caseId: 'c1', at: 't' } })),
    );

    expect(view.case).toEqual({ protocol: 'referral', caseId: 'c1', at: 't' });
  });
});
