import {
  REFERRAL_OPEN_STATUSES,
  REFERRAL_TERMINAL_STATUSES,
  REINTEGRATION_OPEN_STATUSES,
  REINTEGRATION_TERMINAL_STATUSES,
  RETURN_OPEN_STATUSES,
  RETURN_TERMINAL_STATUSES,
} from '@enlace/protocols';
import { CASE_ENDED_STATUSES } from '@enlace/store';

describe('CASE_ENDED_STATUSES (the cases table’s `ended` column, migration 0003)', () => {
  it('should be exactly the terminal statuses of the three protocols', () => {
    const terminal = new Set<string>([
      ...REFERRAL_TERMINAL_STATUSES,
      ...RETURN_TERMINAL_STATUSES,
      ...REINTEGRATION_TERMINAL_STATUSES,
    ]);

    expect([...CASE_ENDED_STATUSES].sort()).toEqual([...terminal].sort());
  });

  it('should name no status that is open in any protocol', () => {
    const open: string[] = [...REFERRAL_OPEN_STATUSES, ...RETURN_OPEN_STATUSES, ...REINTEGRATION_OPEN_STATUSES];

    expect(open.filter((status) => (CASE_ENDED_STATUSES as readonly string[]).includes(status))).toEqual([]);
  });
});
