import type { DirectoryEntryV1 } from '@enlace/contracts';
import type { DirectoryMember, MemberDirectory } from '../member-directory.port';
import { memberOfEntry } from './directory-entry.member';
import type { DirectoryEntryVerifier } from './directory-entry.verifier';
import { InvalidDirectoryEntryError } from './invalid-directory-entry.error';

/** What applying one record of the directory topic did. */
export type DirectoryChange = 'added' | 'replaced' | 'revoked' | 'removed' | 'stale' | 'refused';

export interface SignedMemberDirectoryOptions {
  /** Told of every record refused, with the reason (never the record's content). */
  onRefused?: (recordKey: string | undefined, error: InvalidDirectoryEntryError) => void;
  now?: () => Date;
}

/**
 * The network's members as the signed directory topic says, record by record: an entry counts only once a trust
 * anchor's signature on it verifies; a newer entry (issuedAt) replaces an older one and an older one is ignored, so
 * that a replayed old entry cannot bring back a rotated key, undo a revocation or bring back a removed member; a
 * revoked entry keeps the member known as revoked; a removal entry (removedAt) makes it unknown while its issue time
 * is remembered. A null record (a tombstone) is unsigned, so it is refused: anyone who could write one could
 * otherwise remove a member, and with it the memory that refuses an older entry replayed afterwards.
 */
export class SignedMemberDirectory implements MemberDirectory {
  private readonly entries = new Map<string, { entry: DirectoryEntryV1; member: DirectoryMember }>();
  private readonly now: () => Date;

  constructor(
    private readonly verifier: DirectoryEntryVerifier,
    private readonly options: SignedMemberDirectoryOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  get network(): string {
    return this.verifier.network;
  }

  /** Applies one record of the directory topic: its key (the country) and value (a signed entry, or null). */
  async apply(recordKey: string | undefined, value: Uint8Array | string | null): Promise<DirectoryChange> {
    if (value === null || value.length === 0) {
      this.options.onRefused?.(
        recordKey,
        new InvalidDirectoryEntryError(
          'UNSIGNED_TOMBSTONE',
          `an unsigned null record for ${recordKey ?? 'no key'}: a member leaves by a signed entry with removedAt`,
        ),
      );
      return 'refused';
    }
    let entry: DirectoryEntryV1;
    try {
      entry = await this.verifier.verify(value, recordKey);
    } catch (error) {
      if (!(error instanceof InvalidDirectoryEntryError)) throw error;
      this.options.onRefused?.(recordKey, error);
      return 'refused';
    }
    const known = this.entries.get(entry.country);
    if (known !== undefined && Date.parse(known.entry.issuedAt) >= Date.parse(entry.issuedAt)) return 'stale';
    this.entries.set(entry.country, { entry, member: memberOfEntry(entry) });
    if (entry.removedAt !== undefined) return 'removed';
    if (entry.revokedAt !== undefined) return 'revoked';
    return known === undefined ? 'added' : 'replaced';
  }

  member(country: string): DirectoryMember | undefined {
    const known = this.entries.get(country);
    if (known === undefined || known.entry.removedAt !== undefined || this.isRevoked(country)) return undefined;
    return known.member;
  }

  /** Revoked and still a member: a removed member is unknown, whatever it was before (UNKNOWN_SENDER). */
  isRevoked(country: string): boolean {
    const entry = this.entries.get(country)?.entry;
    if (entry?.revokedAt === undefined || entry.removedAt !== undefined) return false;
    return Date.parse(entry.revokedAt) <= this.now().getTime();
  }

  /** The verified entry as published (revoked and removed ones included). */
  entry(country: string): DirectoryEntryV1 | undefined {
    return this.entries.get(country)?.entry;
  }

  members(): DirectoryMember[] {
    return [...this.entries.keys()].flatMap((country) => this.member(country) ?? []);
  }
}
