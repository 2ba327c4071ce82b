import { lstat, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSecretJson, readSecretFile } from '@enlace/config';
import type { DirectoryEntryV1 } from '@enlace/contracts';
import { validateNodeKeys } from '../../keys/node-keys.schema';
import type { PrivateKeyEntry } from '../../keys/node-keys.types';
import type { PublicJwkWithMeta } from '../member-directory.port';
import {
  issueDirectoryEntry,
  removeDirectoryEntry,
  revokeDirectoryEntry,
  rotateSigningKey,
  type NewDirectoryEntry,
} from '../signed/directory-entry.issuer';
import { signDirectoryEntry } from '../signed/directory-entry.signer';
import { generateTrustAnchor, loadTrustAnchors, writePrivateFile } from '../signed/trust-anchors.file';
import type { TrustAnchors } from '../signed/trust-anchors.types';

/** An entry as the authority keeps it: the content and the JWS it published. */
export interface IssuedEntry {
  entry: DirectoryEntryV1;
  signed: string;
}

/**
 * A network's directory authority: holds a trust anchor's private key and the register of the entries it issued
 * (one file per country), and issues, rotates and revokes entries. Publishing them is the caller's job.
 *
 * Folder layout: `anchor.private.json` (0600), `trust-anchors.json` (public: give it to every node),
 * `entries/<CC>.json` (the latest entry of each member and its signature).
 */
export class DirectoryAuthority {
  private constructor(
    readonly dir: string,
    readonly network: string,
    private readonly anchorKey: PrivateKeyEntry,
  ) {}

  static trustAnchorsFile(dir: string): string {
    return join(dir, 'trust-anchors.json');
  }

  /** Opens the authority kept in `dir`, creating its trust anchor on first use. */
  static async open(dir: string, network: string): Promise<DirectoryAuthority> {
    await mkdir(join(dir, 'entries'), { recursive: true, mode: 0o700 });
    const privateFile = join(dir, 'anchor.private.json');
    let anchorKey: PrivateKeyEntry;
    const existing = await readPrivateAnchor(privateFile);
    if (existing !== undefined) {
      anchorKey = existing;
    } else {
      if (await exists(DirectoryAuthority.trustAnchorsFile(dir))) {
        // the network's nodes trust the anchor listed there: a new one would split the network, never heal it
        throw new Error(
          `${privateFile} is missing but ${DirectoryAuthority.trustAnchorsFile(dir)} exists: restore the anchor's ` +
            'private file from its backup; a new anchor is made only in an empty folder',
        );
      }
      const generated = await generateTrustAnchor();
      await writePrivateFile(privateFile, generated.privateKey);
      const anchors: TrustAnchors = { network, anchors: [generated.publicKey] };
      await writeFile(DirectoryAuthority.trustAnchorsFile(dir), `${JSON.stringify(anchors, null, 2)}\n`);
      anchorKey = generated.privateKey;
    }
    const anchors = await loadTrustAnchors(DirectoryAuthority.trustAnchorsFile(dir));
    if (anchors.network !== network) {
      throw new Error(`The directory authority in ${dir} is for network ${anchors.network}, not ${network}`);
    }
    if (!anchors.anchors.some((anchor) => anchor.kid === anchorKey.kid)) {
      throw new Error(`The trust anchor key in ${dir} is not listed in its trust-anchors.json`);
    }
    return new DirectoryAuthority(dir, network, anchorKey);
  }

  get trustAnchorsFile(): string {
    return DirectoryAuthority.trustAnchorsFile(this.dir);
  }

  async issue(fields: Omit<NewDirectoryEntry, 'network'>, at = new Date()): Promise<IssuedEntry> {
    return this.keep(issueDirectoryEntry({ ...fields, network: this.network }, at));
  }

  async rotate(country: string, newSigningKey: PublicJwkWithMeta, overlapMs: number, at = new Date()) {
    return this.keep(rotateSigningKey(await this.current(country), newSigningKey, at, overlapMs));
  }

  async revoke(country: string, at = new Date()): Promise<IssuedEntry> {
    return this.keep(revokeDirectoryEntry(await this.current(country), at));
  }

  /** The signed entry that removes the member from the network (kept, like the others, as its latest). */
  async remove(country: string, at = new Date()): Promise<IssuedEntry> {
    return this.keep(removeDirectoryEntry(await this.current(country), at));
  }

  /** The latest entry issued for the country, if any. */
  async issued(country: string): Promise<IssuedEntry | undefined> {
    try {
      return JSON.parse(await readFile(this.entryFile(country), 'utf8')) as IssuedEntry;
    } catch {
      return undefined;
    }
  }

  async all(): Promise<IssuedEntry[]> {
    const files = (await readdir(join(this.dir, 'entries'))).filter((file) => file.endsWith('.json')).sort();
    return Promise.all(
      files.map(async (file) => JSON.parse(await readFile(join(this.dir, 'entries', file), 'utf8')) as IssuedEntry),
    );
  }

  private async current(country: string): Promise<DirectoryEntryV1> {
    const issued = await this.issued(country);
    if (issued === undefined) throw new Error(`No entry of ${country} has been issued in ${this.dir}`);
    return issued.entry;
  }

  private async keep(entry: DirectoryEntryV1): Promise<IssuedEntry> {
    const issued = { entry, signed: await signDirectoryEntry(entry, this.anchorKey) };
    await writeFile(this.entryFile(entry.country), `${JSON.stringify(issued, null, 2)}\n`);
    return issued;
  }

  private entryFile(country: string): string {
    if (!/^[A-Z]{2}$/.test(country)) throw new Error(`${country} is not a country code`);
    return join(this.dir, 'entries', `${country}.json`);
  }
}

/**
 * The trust anchor's private key, or undefined when the file does not exist. Any other failure (a permission, a
 * half-written or damaged file) is an error: making a new anchor over it would orphan every entry issued so far.
 */
async function readPrivateAnchor(file: string): Promise<PrivateKeyEntry | undefined> {
  if (!(await exists(file))) return undefined;
  const what = "the trust anchor's private file";
  // neither message quotes the file: it holds a private key
  return parseSecretJson(await readSecretFile(file, what), file, what) as PrivateKeyEntry;
}

/** Whether the path exists (lstat-like: a file that exists but cannot be read still exists). */
async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** The public keys a node hands to the authority: the `.public.json` beside its key file, or its key file's public half. */
export async function readPublicKeys(
  path: string,
): Promise<{ signingKey: PublicJwkWithMeta; encryptionKey: PublicJwkWithMeta }> {
  const value = JSON.parse(await readFile(path, 'utf8')) as {
    signingKeys?: PublicJwkWithMeta[];
    encryptionKeys?: PublicJwkWithMeta[];
  };
  if (validateNodeKeys(value)) throw new Error(`${path} holds private keys: hand over the public keys only`);
  const signingKey = value.signingKeys?.at(-1);
  const encryptionKey = value.encryptionKeys?.at(-1);
  if (signingKey === undefined || encryptionKey === undefined) {
    throw new Error(`${path} lists no signingKeys and encryptionKeys`);
  }
  return { signingKey, encryptionKey };
}
