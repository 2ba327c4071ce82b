import type { IntakeEvent } from './intake.events';
import { evolveIntake } from './intake.evolve';
import type { IntakeState } from './intake.state';

const intakeId = '6f1c3a52-93a4-4c1e-8f0e-3d1b2a7c9e10';
const fold = (events: IntakeEvent[]): IntakeState | undefined =>
  events.reduce<IntakeState | undefined>(evolveIntake, undefined);

describe('evolveIntake', () => {
  it('should start a recorded intake', () => {
    expect(fold([{ type: 'IntakeRecorded', data: { intakeId, at: '2026-03-13T16:00:00Z' } }])).toEqual({
      intakeId,
      status: 'recorded',
      recordedAt: '2026-03-13T16:00:00Z',
    });
  });

  it('should keep the last screening, and the case the intake became', () => {
    const state = fold([
      { type: 'IntakeRecorded', data: { intakeId, at: '2026-03-13T16:00:00Z' } },
      { type: 'IntakeScreened', data: { intakeId, outcome: 'needs-information', reason: 'City?', at: 't1' } },
      { type: 'IntakeScreened', data: { intakeId, outcome: 'presumed-victim', at: 't2' } },
      { type: 'IntakeConverted', data: { intakeId, protocol: 'return', caseId: 'c1', at: 't3' } },
    ]);

    expect(state).toMatchObject({
      status: 'converted',
      screening: { outcome: 'presumed-victim', at: 't2' },
      conversion: { protocol: 'return', caseId: 'c1', at: 't3' },
    });
    expect(state?.screening).not.toHaveProperty('reason');
  });

  it('should keep the screening’s outcome and drop its reason when the data are erased', () => {
    const state = fold([
      { type: 'IntakeRecorded', data: { intakeId, at: 't0' } },
      { type: 'IntakeScreened', data: { intakeId, outcome: 'not-a-case', reason: 'Named someone', at: 't1' } },
      { type: 'IntakeErased', data: { intakeId, at: 't2' } },
    ]);

    expect(state).toEqual({
      intakeId,
      status: 'not-a-case',
      recordedAt: 't0',
      screening: { outcome: 'not-a-case', at: 't1' },
      erasedAt: 't2',
    });
  });

  it('should refuse an event of an intake it never saw recorded', () => {
    expect(() =>
      evolveIntake(undefined, { type: 'IntakeScreened', data: { intakeId, outcome: 'not-a-case', at: 't' } }),
    ).toThrow(/no state to apply to/);
  });
});
