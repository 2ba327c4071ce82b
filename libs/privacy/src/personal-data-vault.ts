import { openCaseData, sealCaseData } from './case-data-cipher';
import type { CaseKeyStore } from './case-key.store';

/**
 * Personal data at rest, encrypted with a key of their case (crypto-shredding): what a node writes about a person
 * goes through `seal`, what it shows goes through `open`, and `erase` destroys the case's key so that every
 * ciphertext of the case — in the documents, in the outbox, in the inbox, and in whatever free pages of the
 * database files still hold old copies — can never be read again.
 */
export class PersonalDataVault {
  constructor(private readonly keys: CaseKeyStore) {}

  /** `value` sealed with the case's key (made now if the case has none); undefined once the key was destroyed. */
  async seal(caseId: string, purpose: string, value: unknown): Promise<string | undefined> {
    const key = await this.keys.getOrCreate(caseId);
    return key ? sealCaseData(key, { caseId, purpose }, value) : undefined;
  }

  /**
   * Many values of one case sealed with its key, read (or made) once for all of them; all undefined once the key was
   * destroyed.
   */
  async sealOfCase(
    caseId: string,
    items: readonly { purpose: string; value: unknown }[],
  ): Promise<(string | undefined)[]> {
    if (items.length === 0) return [];
    const key = await this.keys.getOrCreate(caseId);
    return Promise.all(
      items.map(({ purpose, value }) => (key ? sealCaseData(key, { caseId, purpose }, value) : undefined)),
    );
  }

  /**
   * Many values sealed at once, each with its case's key (the keys read or made together); undefined for a value
   * whose case's key was destroyed.
   */
  async sealMany(
    items: readonly { caseId: string; purpose: string; value: unknown }[],
  ): Promise<(string | undefined)[]> {
    const keys = await this.keys.getOrCreateMany(items.map((item) => item.caseId));
    return Promise.all(
      items.map(({ caseId, purpose, value }) => {
        const key = keys.get(caseId);
        return key ? sealCaseData(key, { caseId, purpose }, value) : undefined;
      }),
    );
  }

  /** The value sealed for the case and purpose; undefined when the case's key is gone (the data were erased). */
  async open<T>(caseId: string, purpose: string, sealed: string): Promise<T | undefined> {
    const key = await this.keys.find(caseId);
    return key ? openCaseData<T>(key, { caseId, purpose }, sealed) : undefined;
  }

  /**
   * Many sealed values opened at once, each with its case's key (the keys read together, in one query); undefined
   * for a value whose case's key is gone.
   */
  async openMany<T>(items: readonly { caseId: string; purpose: string; sealed: string }[]): Promise<(T | undefined)[]> {
    const keys = await this.keys.findMany(items.map((item) => item.caseId));
    return Promise.all(
      items.map(({ caseId, purpose, sealed }) => {
        const key = keys.get(caseId);
        return key ? openCaseData<T>(key, { caseId, purpose }, sealed) : undefined;
      }),
    );
  }

  /** Destroys the case's key: every ciphertext of the case is unreadable from now on. */
  async erase(caseId: string, at: Date = new Date()): Promise<void> {
    await this.keys.destroy(caseId, at);
  }

  isErased(caseId: string): Promise<boolean> {
    return this.keys.isDestroyed(caseId);
  }
}

/** The uses a case's ciphertexts are bound to, named once for node-api and the courier. */
export const SealedUse = {
  /** The person, the consent record and the free text of the request: the case's personal content. */
  personal: 'personal',
  outbox: (envelopeId: string) => `outbox:${envelopeId}`,
  inbox: (envelopeId: string) => `inbox:${envelopeId}`,
} as const;
