import {
  CaseDataCipherError,
  CaseKeyUnopenableError,
  PersonalDataVault,
  SealedUse,
  type UnstoredCaseKey,
} from '@enlace/privacy';
import type { OutboxEntry } from '@enlace/store';
import type { ConsentRecord, ReferredPerson } from '../cases/domain/case-content';
import type { NodeTransactions } from '../database/node-transactions';

/** What of a case is personal and rests only sealed with the case's key: one ciphertext per case. */
export interface PersonalContent {
  person?: ReferredPerson;
  consent?: ConsentRecord;
  /** The fields of the case's details that may name the person (a referral's free text, reasonDetails). */
  sealedDetails?: Record<string, unknown>;
  /** The purpose of the consent the protocol state carries (free text). */
  statePurpose?: string;
}

/** The protocol states that carry the consent's purpose (a return's, a reintegration's, a referral's sender). */
interface WithConsentPurpose {
  consent?: { purpose: string };
}

const hasContent = (content: PersonalContent): boolean => Object.values(content).some((value) => value !== undefined);

/** A case's key as a transaction knows it: null once destroyed. */
interface KnownKey {
  readonly key: Uint8Array | null;
}

const knownKeyName = (caseId: string): string => `case-key:${caseId}`;

/**
 * Seals and opens the personal content of cases, and their outbox payloads, for node-api's repositories: what a
 * repository writes holds no personal field in clear, what it reads is opened again (or stays absent once the
 * case's key was destroyed). Inside a transaction a case's key is read (or made) once: in that transaction, where a
 * key made for a change that rolls back goes with it, and kept for the rest of it (`rememberKeys` gives it the keys
 * a batch read beforehand).
 */
export class SealedCaseContent {
  constructor(
    private readonly vault: PersonalDataVault,
    private readonly transactions?: NodeTransactions,
  ) {}

  /**
   * A case's content and outbox payloads sealed together (a new case's, or new messages alone): its key is read (or
   * made) once for all of them, where sealing them one by one would look it up for each. `fresh`: the case is new
   * here, so its key, unless the transaction knows it already (a received case's, made by the courier), is made
   * without a read and not stored: `newKey` is its row, which the caller inserts with the case, in the same
   * statement. Throws when the case was erased already.
   */
  async sealContentAndOutbox(
    caseId: string,
    content: PersonalContent,
    entries: readonly OutboxEntry[],
    options: { fresh?: boolean } = {},
  ): Promise<{ personal?: string; outbox: OutboxEntry[]; newKey?: UnstoredCaseKey['row'] }> {
    const withContent = hasContent(content);
    const withPayload = entries.filter((entry) => entry.payload !== undefined);
    const items = [
      ...(withContent ? [{ purpose: SealedUse.personal, value: content }] : []),
      ...withPayload.map((entry) => ({ purpose: SealedUse.outbox(entry.envelopeId), value: entry.payload })),
    ];
    const made = items.length > 0 && options.fresh ? await this.unstoredKeyOf(caseId) : undefined;
    const sealed =
      items.length === 0
        ? []
        : await this.vault.sealWith(made ? made.key : await this.keyOf(caseId, 'seal'), caseId, items);
    if (sealed.some((value) => value === undefined)) {
      throw new Error(`case ${caseId} was erased: its personal data and messages cannot be written`);
    }
    const personal = withContent ? sealed.shift() : undefined;
    const outbox = entries.map(({ payload, ...entry }) =>
      payload === undefined ? entry : { ...entry, sealedPayload: sealed.shift() as string },
    );
    return { ...(personal ? { personal } : {}), outbox, ...(made ? { newKey: made.row } : {}) };
  }

  /**
   * A new case's key: none to make when the transaction knows it already (undefined); else made, not stored, and
   * kept for the rest of the transaction (which stores it with the case, or rolls back).
   */
  private async unstoredKeyOf(caseId: string): Promise<UnstoredCaseKey | undefined> {
    if (this.transactions?.remembered<KnownKey>(knownKeyName(caseId))) return undefined;
    const made = await this.vault.newKey(caseId);
    this.transactions?.remember(knownKeyName(caseId), { key: made.key } satisfies KnownKey);
    return made;
  }

  /** The content, or an empty one when the case's key is gone. */
  async open(caseId: string, sealed: string | undefined): Promise<PersonalContent> {
    if (sealed === undefined) return {};
    const key = await this.keyOf(caseId, 'open');
    return (await this.vault.openWith<PersonalContent>(key, caseId, SealedUse.personal, sealed)) ?? {};
  }

  /**
   * The contents of many cases (a page of a list), each opened with its key as the caller read it beside the content
   * (wrapped; null once destroyed): no statement of its own. A case whose key is gone, or whose key or content does
   * not open (bound to another case, altered), is absent from the answer: one such case must not take the whole page
   * down, and its own page (`open`) still refuses it loudly.
   */
  async openMany(
    entries: readonly { caseId: string; sealed: string; wrappedKey: string | null }[],
  ): Promise<Map<string, PersonalContent>> {
    const opened = new Map<string, PersonalContent>();
    await Promise.all(
      entries.map(async ({ caseId, sealed, wrappedKey }) => {
        try {
          const keys = await this.vault.keysFrom([{ case_id: caseId, wrapped_key: wrappedKey, destroyed_at: null }]);
          const content = await this.vault.openWith<PersonalContent>(
            keys.get(caseId),
            caseId,
            SealedUse.personal,
            sealed,
          );
          if (content) opened.set(caseId, content);
        } catch (error) {
          if (!unopenable(error)) throw error;
        }
      }),
    );
    return opened;
  }

  /** Forgets the key the transaction knows for a case: one made for a new case whose insert did not take it. */
  forgetKey(caseId: string): void {
    this.transactions?.forget(knownKeyName(caseId));
  }

  /** Keys of cases read beforehand (a batch's, null when destroyed), kept for the rest of the open transaction. */
  rememberKeys(keys: ReadonlyMap<string, Uint8Array | null>): void {
    for (const [caseId, key] of keys) this.transactions?.remember(knownKeyName(caseId), { key } satisfies KnownKey);
  }

  /**
   * Outbox entries as they rest: each payload sealed with the case's key (read once for all), bound to the entry's
   * envelope id. Throws when the case was erased already.
   */
  async sealOutbox(caseId: string, entries: readonly OutboxEntry[]): Promise<OutboxEntry[]> {
    return (await this.sealContentAndOutbox(caseId, {}, entries)).outbox;
  }

  /**
   * Values of one case sealed with its key (read, or made, once for the open transaction), each bound to its purpose;
   * undefined when the case's key was destroyed (the case was erased).
   */
  async sealValues(
    caseId: string,
    items: readonly { purpose: string; value: unknown }[],
  ): Promise<string[] | undefined> {
    const key = await this.keyOf(caseId, 'seal');
    if (!key) return undefined;
    return (await this.vault.sealWith(key, caseId, items)) as string[];
  }

  /** Values of one case opened with its key; undefined when the key is gone (or the case never had one). */
  async openValues<T>(caseId: string, items: readonly { purpose: string; sealed: string }[]): Promise<T[] | undefined> {
    const key = await this.keyOf(caseId, 'open');
    if (!key) return undefined;
    const opened: T[] = [];
    for (const { purpose, sealed } of items) {
      opened.push((await this.vault.openWith<T>(key, caseId, purpose, sealed)) as T);
    }
    return opened;
  }

  /** Destroys the case's key: every ciphertext of the case is unreadable from now on. */
  erase(caseId: string, at: Date): Promise<void> {
    return this.vault.erase(caseId, at);
  }

  /**
   * The case's key as the open transaction knows it, else read in it (and, to seal, made when there is none); null or
   * undefined when destroyed, undefined when there is none to open.
   */
  private async keyOf(caseId: string, use: 'open' | 'seal'): Promise<Uint8Array | null | undefined> {
    const known = this.transactions?.remembered<KnownKey>(knownKeyName(caseId));
    if (known) return known.key;
    const db = this.transactions?.executor;
    const key =
      use === 'open'
        ? (await this.vault.keysOf([caseId], db)).get(caseId)
        : ((await this.vault.keyOf(caseId, db ? { db } : {})) ?? null);
    if (key !== undefined) this.transactions?.remember(knownKeyName(caseId), { key } satisfies KnownKey);
    return key;
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

/**
 * A case's content or key that does not open: a list leaves that case's initials out rather than fail the page. (The
 * inbox and the courier treat an unopenable key as the node's own fault and stop; a list only shows less.)
 */
function unopenable(error: unknown): boolean {
  return error instanceof CaseDataCipherError || error instanceof CaseKeyUnopenableError;
}
