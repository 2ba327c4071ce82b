import type { IntakeChannel, IntakeIndicators, RecordIntakeRequest, Urgency } from '../api/node-api.types';

type Relationship = NonNullable<NonNullable<RecordIntakeRequest['reporter']>['relationship']>;
type Exploitation = NonNullable<IntakeIndicators['typeOfExploitation']>[number];
type Control = NonNullable<IntakeIndicators['methodsOfControl']>[number];
type Recruitment = NonNullable<IntakeIndicators['methodOfRecruitment']>[number];

/**
 * The signs a hotline operator is offered during a call: the HTCDS values most often heard, so that the form stays
 * short; the situation's text takes the rest.
 */
export const QUICK_INDICATORS = {
  typeOfExploitation: ['SexualExploitation', 'ForcedLabour', 'ForcedBegging', 'ForcedMarriage', 'Servitude', 'Other'],
  methodsOfControl: [
    'WithholdsDocuments',
    'DebtBondage',
    'FalsePromises',
    'PhysicalThreats',
    'ThreatensChildrenFamily',
    'TakesEarnings',
    'PhysicalAbuse',
    'SexualAbuse',
  ],
  methodOfRecruitment: [
    'ThroughOnlineSocialNetworks',
    'ThroughAnOnlineAdvertisement',
    'ThroughFamilyOrFamilyEvents',
    'ThroughFriendsOrSocialEvents',
    'AtWork',
  ],
} as const satisfies {
  typeOfExploitation: readonly Exploitation[];
  methodsOfControl: readonly Control[];
  methodOfRecruitment: readonly Recruitment[];
};

/** What the intake form holds while the operator fills it in during a call. */
export interface IntakeDraft {
  urgency: Urgency;
  channel: IntakeChannel;
  relationship: Relationship | '';
  reporterName: string;
  reporterContact: string;
  firstName: string;
  approximateAge: string;
  gender: string;
  nationality: string;
  believedCountry: string;
  lastKnownPlace: string;
  situation: string;
  typeOfExploitation: Exploitation[];
  methodsOfControl: Control[];
  methodOfRecruitment: Recruitment[];
}

export function emptyIntakeDraft(): IntakeDraft {
  return {
    urgency: 'medium',
    channel: 'hotline',
    relationship: '',
    reporterName: '',
    reporterContact: '',
    firstName: '',
    approximateAge: '',
    gender: '',
    nationality: '',
    believedCountry: '',
    lastKnownPlace: '',
    situation: '',
    typeOfExploitation: [],
    methodsOfControl: [],
    methodOfRecruitment: [],
  };
}

/** The request the node API expects, leaving out what the operator left empty (much may be unknown). */
export function toRecordIntakeRequest(draft: IntakeDraft): RecordIntakeRequest {
  const text = (value: string) => (value.trim() ? value.trim() : undefined);
  const country = (value: string) => text(value)?.toUpperCase();
  const age = draft.approximateAge.trim() === '' ? undefined : Number(draft.approximateAge);
  const reporter = compact({
    relationship: draft.relationship || undefined,
    name: text(draft.reporterName),
    contact: text(draft.reporterContact),
  });
  const person = compact({
    firstName: text(draft.firstName),
    approximateAge: age,
    gender: draft.gender || undefined,
    nationality: country(draft.nationality),
    believedCountry: country(draft.believedCountry),
    lastKnownPlace: text(draft.lastKnownPlace),
  });
  const indicators = compact({
    typeOfExploitation: draft.typeOfExploitation.length > 0 ? draft.typeOfExploitation : undefined,
    methodsOfControl: draft.methodsOfControl.length > 0 ? draft.methodsOfControl : undefined,
    methodOfRecruitment: draft.methodOfRecruitment.length > 0 ? draft.methodOfRecruitment : undefined,
  });
  const situation = text(draft.situation);
  return {
    channel: draft.channel,
    urgency: draft.urgency,
    ...(reporter ? { reporter } : {}),
    ...(person ? { person: person as RecordIntakeRequest['person'] } : {}),
    ...(indicators ? { indicators } : {}),
    ...(situation ? { situation } : {}),
  } as RecordIntakeRequest;
}

/** The object without its undefined fields; undefined when none is left. */
function compact<T extends Record<string, unknown>>(value: T): Partial<T> | undefined {
  const kept = Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** The form's input a problem's JSON Pointer names, so the error is shown beside it. */
export function intakeDraftField(pointer: string): keyof IntakeDraft | undefined {
  const fields: Record<string, keyof IntakeDraft> = {
    '/urgency': 'urgency',
    '/channel': 'channel',
    '/reporter/relationship': 'relationship',
    '/reporter/name': 'reporterName',
    '/reporter/contact': 'reporterContact',
    '/person/firstName': 'firstName',
    '/person/approximateAge': 'approximateAge',
    '/person/gender': 'gender',
    '/person/nationality': 'nationality',
    '/person/believedCountry': 'believedCountry',
    '/person/lastKnownPlace': 'lastKnownPlace',
    '/situation': 'situation',
    '/indicators/typeOfExploitation': 'typeOfExploitation',
    '/indicators/methodsOfControl': 'methodsOfControl',
    '/indicators/methodOfRecruitment': 'methodOfRecruitment',
  };
  const exact = fields[pointer];
  if (exact) return exact;
  const parent = Object.keys(fields).find((key) => pointer.startsWith(`${key}/`));
  return parent ? fields[parent] : undefined;
}

/**
 * The draft of a call in progress, kept in this browser tab's session storage only (never sent anywhere but the
 * node, and only when saved), per user: a reload or a slip of the finger does not lose what the caller said.
 */
export class IntakeDraftStore {
  private readonly key: string;

  constructor(
    country: string,
    username: string,
    private readonly storage: Storage = sessionStorage,
  ) {
    this.key = `enlace.console.intake-draft.${country}.${username}`;
  }

  load(): IntakeDraft | undefined {
    const raw = this.storage.getItem(this.key);
    if (!raw) return undefined;
    try {
      return { ...emptyIntakeDraft(), ...(JSON.parse(raw) as Partial<IntakeDraft>) };
    } catch {
      return undefined;
    }
  }

  /** Keeps the draft; an untouched one is no draft (nothing to restore). */
  save(draft: IntakeDraft): void {
    const text = JSON.stringify(draft);
    if (text === JSON.stringify(emptyIntakeDraft())) this.storage.removeItem(this.key);
    else this.storage.setItem(this.key, text);
  }

  clear(): void {
    this.storage.removeItem(this.key);
  }
}
