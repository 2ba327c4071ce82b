import { missingChildSafeguards } from './return.child-safeguards';

const child = { isChild: true };
const at = '2025-04-10T10:00:00.000Z';

describe('missingChildSafeguards', () => {
  it('should need nothing for an adult', () => {
    expect(missingChildSafeguards({ isChild: false })).toEqual([]);
  });

  it('should list every safeguard, in procedure order, before any is met', () => {
    expect(missingChildSafeguards(child)).toEqual(['guardian', 'best-interests', 'family-assessment']);
  });

  it('should count a negative result as not met', () => {
    expect(
      missingChildSafeguards({
        ...child,
        guardianAppointedAt: at,
        bestInterests: { result: 'against', at },
        familyAssessment: { result: 'suitable', at },
      }),
    ).toEqual(['best-interests']);
  });

  it('should need nothing more once each is met', () => {
    expect(
      missingChildSafeguards({
        ...child,
        guardianAppointedAt: at,
        bestInterests: { result: 'in-favour', at },
        familyAssessment: { result: 'suitable', at },
      }),
    ).toEqual([]);
  });
});
