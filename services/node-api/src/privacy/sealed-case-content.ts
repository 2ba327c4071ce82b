import { PersonalDataVault, SealedUse } from '@enlace/privacy';
import type { OutboxEntry } from '@enlace/store';
import type { ConsentRecord, ReferredPerson } from '../cases/domain/case-content';

/** What of a case is personal and rests only sealed with the case's key: one ciphertext per case. */
export interface PersonalContent {
  person?: ReferredPerson;
  consent?: ConsentRecord;
  /** Free text of the request that may name the person (a referral's reasonDetails). */
  reasonDetails?: string;
  /** The purpose of the consent the protocol state carries (free text). */
  statePurpose?: string;
}

/** The protocol states that carry the consent's purpose (a return's, a reintegration's, a referral's sender). */
interface WithConsentPurpose {
  consent?: { purpose: string };
}

const hasContent = (content: PersonalContent): boolean => Object.values(content).some((value) => value !== undefined);

/**
 * Seals and opens the personal content of cases, and their outbox payloads, for node-api's repositories: what a
 * repository writes holds no personal field in clear, what it reads is opened again (or stays absent once the
 * case's key was destroyed).
 */
export class SealedCaseContent {
  constructor(private readonly vault: PersonalDataVault) {}

  /** The content sealed, or undefined when there is none; throws when the case was erased already. */
  async seal(caseId: string, content: PersonalContent): Promise<string | undefined> {
    if (!hasContent(content)) return undefined;
    const sealed = await this.vault.seal(caseId, SealedUse.personal, content);
    if (sealed === undefined) throw new Error(`case ${caseId} was erased: its personal data cannot be written`);
    return sealed;
  }

  /** The content, or an empty one when the case's key is gone. */
  async open(caseId: string, sealed: string | undefined): Promise<PersonalContent> {
    if (sealed === undefined) return {};
    return (await this.vault.open<PersonalContent>(caseId, SealedUse.personal, sealed)) ?? {};
  }

  /** Outbox entries as they rest: each payload sealed with the case's key, bound to the entry's envelope id. */
  async sealOutbox(caseId: string, entries: readonly OutboxEntry[]): Promise<OutboxEntry[]> {
    return Promise.all(
      entries.map(async ({ payload, ...entry }) => {
        if (payload === undefined) return entry;
        const sealedPayload = await this.vault.seal(caseId, SealedUse.outbox(entry.envelopeId), payload);
        if (sealedPayload === undefined) throw new Error(`case ${caseId} was erased: its messages cannot be written`);
        return { ...entry, sealedPayload };
      }),
    );
  }

  /** Destroys the case's key: every ciphertext of the case is unreadable from now on. */
  erase(caseId: string, at: Date): Promise<void> {
    return this.vault.erase(caseId, at);
  }
}

/** The state as it rests: the consent's purpose taken out (it goes into the sealed content). */
export function stateWithoutPurpose<S>(state: S): { state: S; statePurpose?: string } {
  const consent = (state as WithConsentPurpose).consent;
  if (consent?.purpose === undefined) return { state };
  return { state: { ...state, consent: { ...consent, purpose: '' } }, statePurpose: consent.purpose };
}

/** The state as the protocol knows it: the consent's purpose back in, when the sealed content still has it. */
export function stateWithPurpose<S>(state: S, statePurpose: string | undefined): S {
  const consent = (state as WithConsentPurpose).consent;
  if (consent === undefined || statePurpose === undefined) return state;
  return { ...state, consent: { ...consent, purpose: statePurpose } };
}
