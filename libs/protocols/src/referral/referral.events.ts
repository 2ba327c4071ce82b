import { ReferralConsent, ReferralOutcomeResult } from './referral.state';

// Every event names its referral and the instant it happened at, so an event read on its own (from a stream or
// from the other end's message) says what it is about.

export interface ReferralDrafted {
  type: 'ReferralDrafted';
  data: { referralId: string; fromCountry: string; toCountry: string; consent: ReferralConsent; at: string };
}

/** Starts the receiver's replica too, so it carries what the receiver needs to hold the referral. */
export interface ReferralSent {
  type: 'ReferralSent';
  data: { referralId: string; fromCountry: string; toCountry: string; answerDueAt: string; at: string };
}

export interface ReferralDelivered {
  type: 'ReferralDelivered';
  data: { referralId: string; envelopeId?: string; at: string };
}

export interface ReferralAccepted {
  type: 'ReferralAccepted';
  data: { referralId: string; at: string };
}

export interface ReferralDeclined {
  type: 'ReferralDeclined';
  data: { referralId: string; reason: string; at: string };
}

export interface InformationRequested {
  type: 'InformationRequested';
  data: { referralId: string; question: string; at: string };
}

export interface InformationProvided {
  type: 'InformationProvided';
  data: { referralId: string; answer: string; at: string };
}

export interface ReferralWithdrawn {
  type: 'ReferralWithdrawn';
  data: { referralId: string; reason: string; at: string };
}

export interface ConsentWithdrawn {
  type: 'ConsentWithdrawn';
  data: { referralId: string; at: string };
}

export interface ReferralExpired {
  type: 'ReferralExpired';
  data: { referralId: string; at: string };
}

export interface ServiceStarted {
  type: 'ServiceStarted';
  data: { referralId: string; at: string };
}

export interface ReferralClosed {
  type: 'ReferralClosed';
  data: { referralId: string; outcome: ReferralOutcomeResult; reason?: string; at: string };
}

export type ReferralEvent =
  | ReferralDrafted
  | ReferralSent
  | ReferralDelivered
  | ReferralAccepted
  | ReferralDeclined
  | InformationRequested
  | InformationProvided
  | ReferralWithdrawn
  | ConsentWithdrawn
  | ReferralExpired
  | ServiceStarted
  | ReferralClosed;

export type ReferralEventType = ReferralEvent['type'];
