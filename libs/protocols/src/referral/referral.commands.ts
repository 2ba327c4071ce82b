import { ReferralConsent, ReferralOutcomeResult } from './referral.state';

// Every command carries `at`, the ISO instant it happens at: the protocol never reads a clock, so the same
// commands always decide the same events.

export interface DraftReferral {
  type: 'DraftReferral';
  data: { referralId: string; fromCountry: string; toCountry: string; consent: ReferralConsent; at: string };
}

export interface SendReferral {
  type: 'SendReferral';
  data: { answerDueAt: string; at: string };
}

/** The delivery receipt of the referral's envelope reached the sender. */
export interface RecordDelivery {
  type: 'RecordDelivery';
  data: { envelopeId: string; at: string };
}

/** The referral's envelope reached the receiver: this creates the receiver's replica. */
export interface ReceiveReferral {
  type: 'ReceiveReferral';
  data: {
    referralId: string;
    fromCountry: string;
    toCountry: string;
    answerDueAt: string;
    /** When the sender sent it (the envelope's sent-at); defaults to `at`. */
    sentAt?: string;
    envelopeId?: string;
    at: string;
  };
}

export interface AcceptReferral {
  type: 'AcceptReferral';
  data: { at: string };
}

export interface DeclineReferral {
  type: 'DeclineReferral';
  data: { reason: string; at: string };
}

export interface RequestInformation {
  type: 'RequestInformation';
  data: { question: string; at: string };
}

export interface ProvideInformation {
  type: 'ProvideInformation';
  data: { answer: string; at: string };
}

export interface WithdrawReferral {
  type: 'WithdrawReferral';
  data: { reason: string; at: string };
}

export interface WithdrawConsent {
  type: 'WithdrawConsent';
  data: { at: string };
}

export interface ExpireReferral {
  type: 'ExpireReferral';
  data: { at: string };
}

export interface StartService {
  type: 'StartService';
  data: { at: string };
}

export interface CloseReferral {
  type: 'CloseReferral';
  data: { outcome: ReferralOutcomeResult; reason?: string; at: string };
}

export type ReferralCommand =
  | DraftReferral
  | SendReferral
  | RecordDelivery
  | ReceiveReferral
  | AcceptReferral
  | DeclineReferral
  | RequestInformation
  | ProvideInformation
  | WithdrawReferral
  | WithdrawConsent
  | ExpireReferral
  | StartService
  | CloseReferral;

export type ReferralCommandType = ReferralCommand['type'];
