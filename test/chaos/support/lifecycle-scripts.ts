/** Which end takes a step: the one that opened the case, or the one it was sent to. */
export type CaseEnd = 'sender' | 'receiver';

/** One protocol's walk from opening to its last status, as the chaos driver takes it through the node APIs. */
export interface LifecycleScript {
  readonly protocol: string;
  /** The API's collection: POST /{route} opens a case, POST /{route}/{id}/{action} takes a step. */
  readonly route: string;
  readonly create: (toCountry: string) => Record<string, unknown>;
  /** The status the receiver shows once the opening message has arrived. */
  readonly arrives: string;
  readonly steps: readonly { by: CaseEnd; action: string; body: object; reaches: string }[];
}

/**
 * The statuses of the walk, in order (the arrival's, then each step's): an end that shows a later one has gone past
 * an earlier one; a status off the walk (the sender's `sent`) comes before all of them.
 */
export function walkOrder(script: LifecycleScript): readonly string[] {
  return [script.arrives, ...script.steps.map((step) => step.reaches)];
}

const minuteAgo = () => new Date(Date.now() - 60_000).toISOString();

/** A cross-border referral, accepted, served and closed by the receiver. */
export const REFERRAL_LIFECYCLE: LifecycleScript = {
  protocol: 'referral',
  route: 'referrals',
  create: (toCountry) => ({
    toCountry,
    reason: 'AdditionalServicesRequired',
    servicesRequested: ['Health', 'SocialCare'],
    urgency: 'high',
    person: { firstName: 'Chaos', secondName: 'Test', birthdate: '1999-04-02', gender: 'Female', nationality: 'CO' },
    consent: { purpose: 'Fault-injection test', scope: ['identity', 'health'], recordedAt: '2025-01-01T00:00:00Z' },
  }),
  arrives: 'delivered',
  steps: [
    { by: 'receiver', action: 'accept', body: {}, reaches: 'accepted' },
    { by: 'receiver', action: 'start-service', body: {}, reaches: 'in-service' },
    { by: 'receiver', action: 'close', body: { outcome: 'successful' }, reaches: 'closed' },
  ],
};

/** The return of an adult to her country, every step of both ends, to the hand-over for reintegration. */
export const RETURN_LIFECYCLE: LifecycleScript = {
  protocol: 'return',
  route: 'returns',
  create: (toCountry) => ({
    toCountry,
    isChild: false,
    unaccompanied: false,
    informedDecisionRecordedAt: minuteAgo(),
    person: { firstName: 'Chaos', secondName: 'Return', gender: 'Female', nationality: toCountry },
    consent: {
      purpose: `Return to ${toCountry}`,
      scope: ['identity', 'case'],
      recipients: [toCountry],
      recordedAt: minuteAgo(),
    },
  }),
  arrives: 'requested',
  steps: [
    { by: 'receiver', action: 'verify-nationality', body: { outcome: 'confirmed' }, reaches: 'nationality-verified' },
    { by: 'sender', action: 'record-risk-assessment', body: { result: 'safe' }, reaches: 'risk-assessed' },
    { by: 'receiver', action: 'propose-reception-plan', body: {}, reaches: 'plan-proposed' },
    { by: 'sender', action: 'confirm-reception-plan', body: {}, reaches: 'plan-confirmed' },
    { by: 'receiver', action: 'issue-travel-documents', body: {}, reaches: 'documents-issued' },
    {
      by: 'sender',
      action: 'schedule-travel',
      body: { travelDate: new Date(Date.now() + 7 * 86_400_000).toISOString(), route: 'BOG-UIO' },
      reaches: 'travel-scheduled',
    },
    { by: 'sender', action: 'record-departure', body: {}, reaches: 'departed' },
    { by: 'receiver', action: 'record-arrival', body: {}, reaches: 'arrived' },
    { by: 'receiver', action: 'hand-over', body: {}, reaches: 'handed-over' },
  ],
};
