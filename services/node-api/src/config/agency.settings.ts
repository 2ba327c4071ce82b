import { envSetting, optionalText, type SettingRule } from '@enlace/config';

/** An agency's id: what tokens, users files and shares name it by. */
const AGENCY_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The agency of a node that declares none: every user and every case of the node is its. */
export const DEFAULT_AGENCY = 'national';

/** The agencies (organisations) of one country's node, and which of them speaks for the country to the network. */
export const agencySettings = {
  ENLACE_AGENCIES: envSetting<string[]>(
    {
      description:
        "The node's agencies (organisations with their own users and cases), comma-separated ids of lower-case " +
        'letters, digits and hyphens, e.g. co-police,co-migration,co-shelter. A user sees only the cases of their ' +
        `agency and those shared with it. Unset: one agency, ${DEFAULT_AGENCY}.`,
      default: DEFAULT_AGENCY,
    },
    (value, refuse) => {
      const agencies = (value ?? DEFAULT_AGENCY)
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      if (agencies.length === 0 || !agencies.every((agency) => AGENCY_ID.test(agency))) {
        return refuse('must be comma-separated ids of lower-case letters, digits and hyphens');
      }
      return new Set(agencies).size === agencies.length ? agencies : refuse('names an agency twice');
    },
  ),
  ENLACE_GATEWAY_AGENCY: optionalText({
    description:
      "The agency whose focal points are the country's gateway to the network: only its users send and answer " +
      'across the border, and cases that arrive from another country are its. One of ENLACE_AGENCIES. Unset: the ' +
      'first of them.',
  }),
};

const listed = (text: string | undefined): string[] =>
  (text ?? DEFAULT_AGENCY)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** The gateway agency is one of the node's agencies. */
export const agencyRules: SettingRule[] = [
  (set) => {
    const gateway = set['ENLACE_GATEWAY_AGENCY'];
    return gateway === undefined || listed(set['ENLACE_AGENCIES']).includes(gateway)
      ? []
      : [{ setting: 'ENLACE_GATEWAY_AGENCY', problem: 'must be one of ENLACE_AGENCIES' }];
  },
];
