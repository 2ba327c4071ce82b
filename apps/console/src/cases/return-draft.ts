import type { CreateReturnRequest, GenderInput } from '../api/node-api.types';

/** What the new-return form holds while the user fills it in. */
export interface ReturnDraft {
  toCountry: string;
  isChild: boolean;
  unaccompanied: boolean;
  informedDecisionRecordedAt: string;
  firstName: string;
  middleName: string;
  secondName: string;
  birthdate: string;
  gender: GenderInput | '';
  nationality: string;
  purpose: string;
  scope: string[];
  recordedAt: string;
  expiresAt: string;
  confirmed: boolean;
}

/**
 * The request the node API expects, leaving out what the user left empty. The consent names the receiving
 * country as its recipient; an adult is never marked unaccompanied (the protocol refuses it).
 */
export function toReturnRequest(draft: ReturnDraft): CreateReturnRequest {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const person: CreateReturnRequest['person'] = { firstName: draft.firstName.trim() };
  const middleName = optional(draft.middleName);
  const secondName = optional(draft.secondName);
  const nationality = optional(draft.nationality)?.toUpperCase();
  if (middleName) person.middleName = middleName;
  if (secondName) person.secondName = secondName;
  if (draft.birthdate) person.birthdate = draft.birthdate;
  if (draft.gender) person.gender = draft.gender;
  if (nationality) person.nationality = nationality;
  const iso = (local: string) => (local ? new Date(local).toISOString() : local);
  const consent: CreateReturnRequest['consent'] = {
    purpose: draft.purpose.trim(),
    scope: draft.scope,
    recipients: draft.toCountry ? [draft.toCountry] : [],
    recordedAt: iso(draft.recordedAt),
  };
  if (draft.expiresAt) consent.expiresAt = iso(draft.expiresAt);
  return {
    toCountry: draft.toCountry,
    isChild: draft.isChild,
    ...(draft.isChild ? { unaccompanied: draft.unaccompanied } : {}),
    informedDecisionRecordedAt: iso(draft.informedDecisionRecordedAt),
    person,
    consent,
  };
}

/** The form's input a problem's JSON Pointer names, so the error is shown beside it. */
export function returnDraftField(pointer: string): keyof ReturnDraft | undefined {
  const fields: Record<string, keyof ReturnDraft> = {
    '/toCountry': 'toCountry',
    '/isChild': 'isChild',
    '/unaccompanied': 'unaccompanied',
    '/informedDecisionRecordedAt': 'informedDecisionRecordedAt',
    '/person/firstName': 'firstName',
    '/person/middleName': 'middleName',
    '/person/secondName': 'secondName',
    '/person/birthdate': 'birthdate',
    '/person/gender': 'gender',
    '/person/nationality': 'nationality',
    '/consent/purpose': 'purpose',
    '/consent/scope': 'scope',
    '/consent/recipients': 'toCountry',
    '/consent/recordedAt': 'recordedAt',
    '/consent/expiresAt': 'expiresAt',
  };
  const exact = fields[pointer];
  if (exact) return exact;
  // `/consent/scope/0` and the like belong to their list.
  const parent = Object.keys(fields).find((key) => pointer.startsWith(`${key}/`));
  return parent ? fields[parent] : undefined;
}
