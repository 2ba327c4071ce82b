import { readFile } from 'node:fs/promises';
import { schemaErrorsText } from '../wire/ajv';
import { InvalidMemberDirectoryError } from './invalid-member-directory.error';
import { validateMemberDirectoryFile, type MemberDirectoryFile } from './member-directory-file.schema';
import type { DirectoryMember, MemberDirectory } from './member-directory.port';

/**
 * The directory as a JSON file `{ network, members }`, read once: a node restarts to take a new file, and the
 * directory topic (not this class) is how a running network learns of changes.
 */
export class FileMemberDirectory implements MemberDirectory {
  private readonly byCountry: ReadonlyMap<string, DirectoryMember>;

  private constructor(
    readonly path: string,
    readonly network: string,
    members: DirectoryMember[],
  ) {
    this.byCountry = new Map(members.map((member) => [member.country, member]));
  }

  static async load(path: string): Promise<FileMemberDirectory> {
    const file = parseDirectoryFile(path, await readDirectoryFile(path));
    return new FileMemberDirectory(path, file.network, file.members);
  }

  member(country: string): DirectoryMember | undefined {
    return this.byCountry.get(country);
  }

  members(): DirectoryMember[] {
    return [...this.byCountry.values()];
  }
}

async function readDirectoryFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidMemberDirectoryError(path, 'the file cannot be read', { cause: error });
  }
}

function parseDirectoryFile(path: string, text: string): MemberDirectoryFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidMemberDirectoryError(path, 'the file is not JSON', { cause: error });
  }
  if (!validateMemberDirectoryFile(value)) {
    const reason = schemaErrorsText(validateMemberDirectoryFile.errors);
    const leaksPrivateKey = validateMemberDirectoryFile.errors?.some((error) => error.instancePath.endsWith('/jwk/d'));
    throw new InvalidMemberDirectoryError(
      path,
      leaksPrivateKey ? `it holds private key material (${reason}); publish public keys only` : reason,
    );
  }
  const countries = value.members.map((member) => member.country);
  const repeated = countries.find((country, index) => countries.indexOf(country) !== index);
  if (repeated !== undefined) throw new InvalidMemberDirectoryError(path, `member ${repeated} is listed twice`);
  return value;
}
