/** What a referral asks for, beside its protocol state: the reason, the services, the urgency, and free text. */
export interface ReferralDetails {
  reason: string;
  /** Free text that may name the person: it rests sealed with the person's data and goes with them. */
  reasonDetails?: string;
  servicesRequested: string[];
  urgency: string;
}

/** The fields of a referral's details that rest sealed with the person. */
export const SEALED_REFERRAL_DETAILS: readonly (keyof ReferralDetails)[] = ['reasonDetails'];
