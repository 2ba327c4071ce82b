/** The person a case is about: personal data, held only by the nodes of the exchange, under consent. */
export interface ReferredPerson {
  firstName: string;
  middleName?: string;
  secondName?: string;
  birthdate?: string;
  gender?: string;
  nationality?: string;
}

/** The person's consent as the case records it: what for, which data, to whom, from when, until when. */
export interface ConsentRecord {
  purpose: string;
  scope: string[];
  recipients?: string[];
  recordedAt: string;
  expiresAt?: string;
}

/** What happened, when, and on which side of the exchange; no personal data. */
export interface TimelineEntry {
  at: string;
  event: string;
  side: 'sender' | 'receiver';
  status: string;
  detail?: string;
}
