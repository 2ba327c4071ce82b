import type { ReferredPerson } from '../../cases/domain/case-content';
import type { CreateReferralRequest } from './create-referral.request';

/** The API accepts common words for gender; the node stores and sends the HTCDS value (prs_Gender). */
const GENDER_ALIASES: Readonly<Record<string, string>> = { Female: 'Feminine', Male: 'Masculine' };

export function normalisePersonInput(person: CreateReferralRequest['person']): ReferredPerson {
  const { gender, ...rest } = person;
  return { ...rest, ...(gender ? { gender: normaliseGender(gender) } : {}) };
}

/** The HTCDS value of a gender the API accepted (an intake's person, too). */
export function normaliseGender(gender: string): string {
  return GENDER_ALIASES[gender] ?? gender;
}
