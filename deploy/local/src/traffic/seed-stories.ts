/** Which end of a case takes a step: the country that opened it, or the one it was sent to. */
export type StoryActor = 'sender' | 'receiver';
export type CaseRoute = 'referrals' | 'returns' | 'reintegrations';

/** What the story knows while it plays: the ids the nodes gave its cases, and its sequence number. */
export interface StoryContext {
  readonly sequence: number;
  readonly ids: Partial<Record<CaseRoute, string>>;
}

/** One request of a story: open a case, or take a step once the actor's node lists it as allowed. */
export type StoryStep =
  | { readonly kind: 'create'; readonly actor: StoryActor; readonly route: CaseRoute; readonly body: StoryBody }
  | {
      readonly kind: 'step';
      readonly actor: StoryActor;
      readonly route: CaseRoute;
      readonly action: string;
      readonly body?: StoryBody;
    };

/** A request body made when the step is taken (times are relative to then). */
export type StoryBody = (context: StoryContext & { person: PersonName; now: Date }) => Record<string, unknown>;

/** The made-up name of the person of a story: the demo's only personal data, never printed. */
export interface PersonName {
  readonly firstName: string;
  readonly secondName: string;
}

/** A seed story: a case between two countries that goes through the steps people take, to its end. */
export interface SeedStory {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly steps: readonly StoryStep[];
}

const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
const daysAhead = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

const referral =
  (to: string, services: readonly string[]): StoryBody =>
  ({ person, now }) => ({
    toCountry: to,
    reason: 'AdditionalServicesRequired',
    servicesRequested: services,
    urgency: 'medium',
    person: { firstName: person.firstName, secondName: person.secondName, gender: 'Female' },
    consent: {
      purpose: `Referral for assistance in ${to}`,
      scope: ['identity', 'health'],
      recipients: [to],
      recordedAt: minutesAgo(now, 1),
    },
  });

const refer = (to: string, services: readonly string[] = ['Health', 'SocialCare']): StoryStep => ({
  kind: 'create',
  actor: 'sender',
  route: 'referrals',
  body: referral(to, services),
});
const answer = (action: string, body?: StoryBody): StoryStep => ({
  kind: 'step',
  actor: 'receiver',
  route: 'referrals',
  action,
  ...(body ? { body } : {}),
});

/** Referred, accepted, served and closed: the loop closes. */
function referralServed(from: string, to: string): SeedStory {
  return {
    name: 'referral-served',
    from,
    to,
    steps: [
      refer(to),
      answer('accept', () => ({ note: 'A place is ready.' })),
      answer('start-service'),
      answer('close', () => ({ outcome: 'successful' })),
    ],
  };
}

/** Referred and declined: the receiving country has no place for the service asked. */
function referralDeclined(from: string, to: string): SeedStory {
  return {
    name: 'referral-declined',
    from,
    to,
    steps: [refer(to, ['Legal']), answer('decline', () => ({ reason: 'No capacity for this service now.' }))],
  };
}

/** The receiving country asks a question, the sender answers, then it is accepted and the service starts. */
function referralAskedThenAccepted(from: string, to: string): SeedStory {
  return {
    name: 'referral-asked-accepted',
    from,
    to,
    steps: [
      refer(to),
      answer('request-information', () => ({ question: 'Which city does the person travel to?' })),
      {
        kind: 'step',
        actor: 'sender',
        route: 'referrals',
        action: 'provide-information',
        body: () => ({ answer: 'The capital.' }),
      },
      answer('accept'),
      answer('start-service'),
    ],
  };
}

const returnStep = (actor: StoryActor, action: string, body?: StoryBody): StoryStep => ({
  kind: 'step',
  actor,
  route: 'returns',
  action,
  ...(body ? { body } : {}),
});

/** A return from `from` to `to`, every step to the handover, then the reintegration opened and under way. */
function returnAndReintegration(from: string, to: string): SeedStory {
  return {
    name: 'return-reintegration',
    from,
    to,
    steps: [
      {
        kind: 'create',
        actor: 'sender',
        route: 'returns',
        body: ({ person, now }) => ({
          toCountry: to,
          isChild: false,
          informedDecisionRecordedAt: minutesAgo(now, 2),
          person: { firstName: person.firstName, secondName: person.secondName, gender: 'Female', nationality: to },
          consent: {
            purpose: `Return to ${to} and reintegration support`,
            scope: ['identity', 'case'],
            recipients: [to],
            recordedAt: minutesAgo(now, 2),
          },
        }),
      },
      returnStep('receiver', 'verify-nationality', () => ({ outcome: 'confirmed' })),
      returnStep('sender', 'record-risk-assessment', () => ({ result: 'safe' })),
      returnStep('receiver', 'propose-reception-plan'),
      returnStep('sender', 'confirm-reception-plan'),
      returnStep('receiver', 'issue-travel-documents'),
      returnStep('sender', 'schedule-travel', ({ now }) => ({ travelDate: daysAhead(now, 1), route: 'EZE-VVI' })),
      returnStep('sender', 'record-departure'),
      returnStep('receiver', 'record-arrival'),
      returnStep('receiver', 'hand-over'),
      {
        kind: 'create',
        actor: 'receiver',
        route: 'reintegrations',
        body: ({ ids, now }) => ({
          returnId: ids.returns,
          shareWithSender: true,
          consent: { purpose: `Reintegration follow-up shared with ${from}`, recordedAt: minutesAgo(now, 1) },
        }),
      },
      {
        kind: 'step',
        actor: 'receiver',
        route: 'reintegrations',
        action: 'agree-plan',
        body: ({ now }) => ({ supportTypes: ['Health', 'Livelihood'], plannedEndDate: daysAhead(now, 365) }),
      },
      { kind: 'step', actor: 'receiver', route: 'reintegrations', action: 'start-implementation' },
    ],
  };
}

/**
 * The seed stories, in the order the generator cycles through them: referrals around Colombia, Ecuador and Peru
 * (most served and closed, some declined, some with a question first) and returns from Argentina to Bolivia.
 */
export const SEED_STORIES: readonly SeedStory[] = [
  referralServed('CO', 'EC'),
  referralDeclined('EC', 'PE'),
  referralServed('PE', 'CO'),
  returnAndReintegration('AR', 'BO'),
  referralAskedThenAccepted('CO', 'PE'),
  referralServed('EC', 'CO'),
  referralDeclined('CO', 'EC'),
  referralServed('PE', 'EC'),
  returnAndReintegration('AR', 'BO'),
  referralServed('EC', 'PE'),
];
