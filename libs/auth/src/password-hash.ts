import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: ScryptOptions,
) => Promise<Buffer>;

const KEY_LENGTH = 32;

/** The cost of new hashes: N = 2^ln, block size r, parallelism p (node's defaults; raise ln as machines grow). */
const COST = { ln: 14, r: 8, p: 1 } as const;

/** Hashes written before the cost was stored with them were made with node's defaults, which these are. */
const LEGACY_COST = { ln: 14, r: 8, p: 1 } as const;

type Cost = { ln: number; r: number; p: number };

function optionsOf(cost: Cost): ScryptOptions {
  const N = 2 ** cost.ln;
  // scrypt needs 128 * N * r bytes; node refuses more than maxmem (32 MiB by default), so allow what the cost needs
  return { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r };
}

/** `ln=14,r=8,p=1` -> the cost; undefined when it is not one this code would accept. */
function parseCost(text: string): Cost | undefined {
  const match = /^ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})$/.exec(text);
  if (!match) return undefined;
  const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return ln >= 10 && ln <= 20 && r >= 1 && p >= 1 ? { ln, r, p } : undefined;
}

/**
 * `scrypt$ln=14,r=8,p=1$<salt base64url>$<key base64url>`: the cost travels with the hash, so that it can be raised
 * for new passwords while the old hashes still verify.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, optionsOf(COST));
  return `scrypt$ln=${COST.ln},r=${COST.r},p=${COST.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Whether the password matches the stored hash (this format, or the older `scrypt$<salt>$<key>` one). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  const [scheme] = parts;
  const [costText, salt, key] = parts.length === 4 ? parts.slice(1) : [undefined, ...parts.slice(1)];
  const cost = costText === undefined ? LEGACY_COST : parseCost(costText);
  if (scheme !== 'scrypt' || !cost || !salt || !key || parts.length < 3 || parts.length > 4) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, optionsOf(cost));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let decoy: Promise<string> | undefined;

/**
 * A hash of a random password, made once: checking a password against it for an unknown user costs what a real
 * check costs, so the time of the answer does not tell which accounts exist.
 */
export function decoyPasswordHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64url'));
  return decoy;
}
