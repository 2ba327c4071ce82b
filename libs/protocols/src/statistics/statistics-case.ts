/**
 * One case of a node as regional statistics see it: the categories it falls in, nothing that names the person.
 * The node maps its own cases to these (reading the sealed personal data in memory) and only aggregates leave it.
 */
export interface StatisticsCase {
  /** The calendar month the case was opened at this node, `YYYY-MM` (UTC). */
  readonly month: string;
  readonly protocol: StatisticsProtocol;
  /** The corridor: the country the case goes from and the one it goes to. */
  readonly fromCountry: string;
  readonly toCountry: string;
  readonly sex: string;
  readonly ageBand: AgeBand;
  readonly nationality: string;
  readonly exploitation: FormOfExploitation;
}

export type StatisticsProtocol = 'referral' | 'return' | 'reintegration';

/** The breakdowns a report gives of each group of cases, one dimension at a time (never crossed). */
export const STATISTICS_DIMENSIONS = ['sex', 'ageBand', 'nationality', 'exploitation'] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

/** Age when the case was opened, in bands that separate children (the protocols treat them apart) from adults. */
export const AGE_BANDS = ['0-11', '12-17', '18-24', '25-34', '35-49', '50+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The form of exploitation, as far as the case records it. */
export const FORMS_OF_EXPLOITATION = ['sexual', 'labour', 'sexual-and-labour', 'not-recorded'] as const;
export type FormOfExploitation = (typeof FORMS_OF_EXPLOITATION)[number];

/** What stands for a missing sex or nationality (an erased person, a field never filled). */
export const UNKNOWN_CATEGORY = 'unknown';
