import type { DirectoryMember, MemberDirectory } from './member-directory.port';

/** A directory held in memory: for tests, and for a directory built from the network's directory topic. */
export class InMemoryMemberDirectory implements MemberDirectory {
  private readonly byCountry = new Map<string, DirectoryMember>();

  constructor(members: Iterable<DirectoryMember> = []) {
    for (const member of members) this.put(member);
  }

  member(country: string): DirectoryMember | undefined {
    return this.byCountry.get(country);
  }

  members(): DirectoryMember[] {
    return [...this.byCountry.values()];
  }

  /** Adds or replaces a member's entry. */
  put(member: DirectoryMember): void {
    this.byCountry.set(member.country, member);
  }
}
