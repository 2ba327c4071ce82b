import { randomUUID } from 'node:crypto';
import { CompactSign, importJWK, type CryptoKey, type JWK } from 'jose';
import { InMemoryMemberDirectory } from '../directory/in-memory-member-directory';
import type { DirectoryMember } from '../directory/member-directory.port';
import type { EnvelopeDraftHeader } from '../envelope-sealer';
import { ENVELOPE_JWS_ALG, ENVELOPE_JWS_TYP } from '../envelope-wire.constants';
import { generateNodeKeys, type GenerateNodeKeysOptions } from '../keys/node-keys';
import type { NodeKeys, PrivateKeyEntry } from '../keys/node-keys.types';

export const TEST_NETWORK = 'enlace-test';

export interface TestMember {
  keys: NodeKeys;
  entry: DirectoryMember;
}

export async function createTestMember(country: string, options: GenerateNodeKeysOptions = {}): Promise<TestMember> {
  const { nodeKeys, publicKeys } = await generateNodeKeys(country, options);
  return {
    keys: nodeKeys,
    entry: {
      country,
      nodeId: `${country.toLowerCase()}-node-1`,
      organisations: [`${country} national focal point`],
      ...publicKeys,
      validFrom: '2020-01-01T00:00:00.000Z',
    },
  };
}

/** Members CO, EC and PE of one network, each with fresh keys, and a directory listing them all. */
export async function createTestNetwork(): Promise<{
  co: TestMember;
  ec: TestMember;
  pe: TestMember;
  directory: InMemoryMemberDirectory;
}> {
  const [co, ec, pe] = await Promise.all(['CO', 'EC', 'PE'].map((country) => createTestMember(country)));
  if (co === undefined || ec === undefined || pe === undefined) throw new Error('unreachable');
  return { co, ec, pe, directory: new InMemoryMemberDirectory([co.entry, ec.entry, pe.entry]) };
}

export function draftHeader(to: string, overrides: Partial<EnvelopeDraftHeader> = {}): EnvelopeDraftHeader {
  return {
    id: randomUUID(),
    type: 'referral.requested.v1',
    to,
    caseId: randomUUID(),
    correlationId: randomUUID(),
    schema: 'urn:enlace:schema:referral.requested:v1',
    ...overrides,
  };
}

/** A referral-like payload of about `bytes` bytes of JSON. */
export function referralPayload(bytes = 2048): { referralId: string; summary: string; needs: string[] } {
  const needs = ['shelter', 'medical', 'legal', 'psychosocial'];
  const fixed = JSON.stringify({ referralId: randomUUID(), summary: '', needs }).length;
  return { referralId: randomUUID(), summary: 'x'.repeat(Math.max(0, bytes - fixed)), needs };
}

export async function privateKeyOf(entry: PrivateKeyEntry, alg: string): Promise<CryptoKey> {
  return (await importJWK(entry.privateJwk, alg)) as CryptoKey;
}

export async function publicKeyOf(jwk: JWK, alg: string): Promise<CryptoKey> {
  return (await importJWK(jwk, alg)) as CryptoKey;
}

/** Signs arbitrary content as an envelope, the way a member that bypasses the sealer would. */
export async function signAsEnvelope(content: unknown, signing: PrivateKeyEntry): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(content)))
    .setProtectedHeader({ alg: ENVELOPE_JWS_ALG, typ: ENVELOPE_JWS_TYP, kid: signing.kid })
    .sign(await privateKeyOf(signing, ENVELOPE_JWS_ALG));
}

/** The content of a wire, read the way anyone can: base64url-decode the middle part. */
export function contentOf(wire: string): { header: Record<string, unknown>; payload: string } {
  const [, content] = wire.split('.');
  return JSON.parse(Buffer.from(content ?? '', 'base64url').toString('utf8'));
}

/** The first item of a list the test knows is not empty. */
export function first<T>(items: readonly T[]): T {
  const [item] = items;
  if (item === undefined) throw new Error('Expected at least one item');
  return item;
}
