import { readFile } from 'node:fs/promises';
import { ROLES, Role } from '@enlace/auth';

/** A user of the monitor's development issuer, as kept in its users file (password hashed with scrypt). */
export interface MonitorUserAccount {
  readonly username: string;
  readonly roles: readonly Role[];
  readonly passwordHash: string;
}

/** The monitor's users, read once from its users file. */
export class MonitorUserDirectory {
  private constructor(private readonly accounts: ReadonlyMap<string, MonitorUserAccount>) {}

  /** No users: the secretariat's identity provider issues the tokens, the development issuer is off. */
  static empty(): MonitorUserDirectory {
    return new MonitorUserDirectory(new Map());
  }

  static async load(file: string): Promise<MonitorUserDirectory> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new Error(`cannot read the users file ${file}: ${(error as Error).message}`);
    }
    if (!Array.isArray(parsed)) throw new Error(`the users file ${file} must hold a JSON array`);
    const accounts = new Map<string, MonitorUserAccount>();
    parsed.forEach((candidate: Partial<MonitorUserAccount>, index) => {
      const valid =
        typeof candidate.username === 'string' &&
        typeof candidate.passwordHash === 'string' &&
        Array.isArray(candidate.roles) &&
        candidate.roles.every((role) => ROLES.includes(role as Role));
      if (!valid) throw new Error(`the users file ${file} has an invalid entry at index ${index}`);
      accounts.set(candidate.username as string, candidate as MonitorUserAccount);
    });
    return new MonitorUserDirectory(accounts);
  }

  find(username: string): MonitorUserAccount | undefined {
    return this.accounts.get(username);
  }
}
