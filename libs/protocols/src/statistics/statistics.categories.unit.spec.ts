import { ageBandOf, exploitationOf, monthOf } from './statistics.categories';

describe('ageBandOf', () => {
  const at = new Date('2026-03-15T12:00:00Z');
  it.each([
    ['2015-03-16', '0-11'],
    ['2014-03-15', '12-17'],
    ['2008-03-16', '12-17'],
    ['2008-03-15', '18-24'],
    ['1990-01-01', '35-49'],
    ['1950-01-01', '50+'],
    [undefined, 'unknown'],
    ['not a date', 'unknown'],
    ['2030-01-01', 'unknown'],
  ] as const)('should put a person born %s in the band %s', (birthdate, band) => {
    expect(ageBandOf(birthdate, at)).toBe(band);
  });
});

describe('exploitationOf', () => {
  it('should read the form of exploitation from the rehabilitation services asked for, else not recorded', () => {
    expect(exploitationOf(['SexualExploitationRehabilitation', 'Health'])).toBe('sexual');
    expect(exploitationOf(['LabourExploitationRehabilitation'])).toBe('labour');
    expect(exploitationOf(['LabourExploitationRehabilitation', 'SexualExploitationRehabilitation'])).toBe(
      'sexual-and-labour',
    );
    expect(exploitationOf(['Health'])).toBe('not-recorded');
    expect(exploitationOf(undefined)).toBe('not-recorded');
  });
});

describe('monthOf', () => {
  it('should give the UTC month', () => {
    expect(monthOf(new Date('2026-03-31T23:59:59Z'))).toBe('2026-03');
  });
});
