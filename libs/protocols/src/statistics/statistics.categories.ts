import type { AgeBand, FormOfExploitation } from './statistics-case';

/** The band of the age a person born on `birthdate` (`YYYY-MM-DD`) had at `at`; unknown without a usable date. */
export function ageBandOf(birthdate: string | undefined, at: Date): AgeBand {
  const born = birthdate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthdate) : null;
  if (!born) return 'unknown';
  const [year, month, day] = [Number(born[1]), Number(born[2]), Number(born[3])];
  const beforeBirthday = at.getUTCMonth() + 1 < month || (at.getUTCMonth() + 1 === month && at.getUTCDate() < day);
  const age = at.getUTCFullYear() - year - (beforeBirthday ? 1 : 0);
  if (age < 0) return 'unknown';
  if (age < 12) return '0-11';
  if (age < 18) return '12-17';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 50) return '35-49';
  return '50+';
}

/**
 * The form of exploitation as the case shows it. The case record has no field of its own for it yet: the services a
 * referral asks for (HTCDS's sexual and labour exploitation rehabilitation) are the only trace, so every other case
 * counts as not recorded rather than being guessed.
 */
export function exploitationOf(servicesRequested: readonly string[] | undefined): FormOfExploitation {
  const sexual = servicesRequested?.includes('SexualExploitationRehabilitation') ?? false;
  const labour = servicesRequested?.includes('LabourExploitationRehabilitation') ?? false;
  if (sexual && labour) return 'sexual-and-labour';
  if (sexual) return 'sexual';
  if (labour) return 'labour';
  return 'not-recorded';
}

/** The calendar month (UTC) of an instant, `YYYY-MM`. */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}
