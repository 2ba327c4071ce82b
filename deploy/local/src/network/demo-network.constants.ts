/** The demo network of the seed stories (docs/architecture.md §6). */
export const DEMO_NETWORK = 'demo';

export interface DemoCountry {
  readonly country: string;
  readonly name: string;
  readonly organisations: readonly string[];
  /**
   * The agencies inside the country's node (ENLACE_AGENCIES), the first its gateway agency; none: one agency. The
   * directory and the other countries know only the country.
   */
  readonly agencies?: readonly string[];
}

export const DEMO_COUNTRIES: readonly DemoCountry[] = [
  {
    country: 'CO',
    name: 'Colombia',
    organisations: ['CO national anti-trafficking focal point'],
    // the police's anti-trafficking unit is the gateway; the migration authority and an NGO shelter work beside it
    agencies: ['co-police', 'co-migration', 'co-shelter'],
  },
  {
    country: 'EC',
    name: 'Ecuador',
    organisations: ['EC national anti-trafficking focal point'],
    agencies: ['ec-ministry', 'ec-police'],
  },
  { country: 'PE', name: 'Peru', organisations: ['PE national anti-trafficking focal point'] },
  { country: 'BO', name: 'Bolivia', organisations: ['BO national anti-trafficking focal point'] },
  { country: 'AR', name: 'Argentina', organisations: ['AR national anti-trafficking focal point'] },
];

/** Demo users created in every country: username prefix and roles. */
export const DEMO_USER_ROLES = [
  { suffix: 'focal', roles: ['focal-point'] },
  { suffix: 'caseworker', roles: ['case-worker'] },
  { suffix: 'supervisor', roles: ['supervisor'] },
  { suffix: 'auditor', roles: ['auditor'] },
  { suffix: 'hotline', roles: ['hotline'] },
] as const;

/**
 * Demo users of the agencies other than the gateway, in the countries that have them: `<country>.<agency
 * suffix>.<role suffix>` (the gateway agency's users are those of DEMO_USER_ROLES, whose tokens name no agency).
 */
export const DEMO_AGENCY_USERS = [
  { agency: 'co-migration', suffix: 'migration.supervisor', roles: ['supervisor'] },
  { agency: 'co-migration', suffix: 'migration.caseworker', roles: ['case-worker'] },
  // the migration authority takes reports at its border posts: what it records is its own until it shares it
  { agency: 'co-migration', suffix: 'migration.hotline', roles: ['hotline'] },
  { agency: 'co-shelter', suffix: 'shelter.supervisor', roles: ['supervisor'] },
  { agency: 'co-shelter', suffix: 'shelter.caseworker', roles: ['case-worker'] },
  { agency: 'ec-police', suffix: 'police.supervisor', roles: ['supervisor'] },
  { agency: 'ec-police', suffix: 'police.caseworker', roles: ['case-worker'] },
] as const;
