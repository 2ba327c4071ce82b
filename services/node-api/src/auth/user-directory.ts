import { readFile } from 'node:fs/promises';
import { ROLES, Role } from '@enlace/auth';
import { UserAccount } from './user-account';

/** The development issuer's users, read once from the node's users file. */
export class UserDirectory {
  private constructor(private readonly accounts: ReadonlyMap<string, UserAccount>) {}

  /** No users: the development issuer is off (the country's identity provider issues the tokens). */
  static empty(): UserDirectory {
    return new UserDirectory(new Map());
  }

  static async load(file: string): Promise<UserDirectory> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new Error(`cannot read the users file ${file}: ${(error as Error).message}`);
    }
    if (!Array.isArray(parsed)) throw new Error(`the users file ${file} must hold a JSON array`);
    const accounts = new Map<string, UserAccount>();
    parsed.forEach((candidate: Partial<UserAccount>, index) => {
      const valid =
        typeof candidate.username === 'string' &&
        typeof candidate.country === 'string' &&
        typeof candidate.passwordHash === 'string' &&
        (candidate.agency === undefined || typeof candidate.agency === 'string') &&
        Array.isArray(candidate.roles) &&
        candidate.roles.every((role) => ROLES.includes(role as Role));
      if (!valid) throw new Error(`the users file ${file} has an invalid entry at index ${index}`);
      accounts.set(candidate.username as string, candidate as UserAccount);
    });
    return new UserDirectory(accounts);
  }

  find(username: string): UserAccount | undefined {
    return this.accounts.get(username);
  }
}
