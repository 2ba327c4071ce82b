/** The demo network of the seed stories (docs/architecture.md §6). */
export const DEMO_NETWORK = 'demo';

export interface DemoCountry {
  readonly country: string;
  readonly name: string;
  readonly organisations: readonly string[];
}

export const DEMO_COUNTRIES: readonly DemoCountry[] = [
  { country: 'CO', name: 'Colombia', organisations: ['CO national anti-trafficking focal point'] },
  { country: 'EC', name: 'Ecuador', organisations: ['EC national anti-trafficking focal point'] },
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
