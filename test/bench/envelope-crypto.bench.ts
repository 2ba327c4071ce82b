// npx tsx test/bench/envelope-crypto.bench.ts — prints one JSON document: the envelope's and the case data's crypto
// through jose (the baseline) and through node:crypto (what the envelope and privacy libraries use), on 2 KB
// payloads, measured in the same run and interleaved so that a busy machine weighs on both alike.
// BENCH_CRYPTO_ITERATIONS (default 2000) operations per round, BENCH_CRYPTO_ROUNDS (default 5) rounds; the median
// round is reported. CPU time is the process's (every thread: WebCrypto works on the libuv pool), so `perSecond`
// is what one core does.
import { KeyObject, randomBytes, type webcrypto } from 'node:crypto';
import * as os from 'node:os';
import { CompactEncrypt, CompactSign, compactDecrypt, compactVerify, importJWK, type CryptoKey, type JWK } from 'jose';
import {
  decryptEcdhEsJwe,
  encryptEcdhEsJwe,
  ENVELOPE_JWS_ALG,
  ENVELOPE_JWS_TYP,
  EnvelopeOpener,
  EnvelopeSealer,
  generateNodeKeys,
  InMemoryMemberDirectory,
  PAYLOAD_ENVELOPE_ID_PARAM,
  PAYLOAD_FROM_PARAM,
  PAYLOAD_JWE_ALG,
  PAYLOAD_JWE_ENC,
  readCompactJwe,
  signEd25519Jws,
  verifyEd25519Jws,
  type EnvelopeHeader,
  type NodeKeys,
} from '@enlace/envelope';
import { openCaseData, sealCaseData } from '@enlace/privacy';
import { round } from './bench-stats';

const ITERATIONS = Number(process.env['BENCH_CRYPTO_ITERATIONS'] ?? 2000);
const ROUNDS = Number(process.env['BENCH_CRYPTO_ROUNDS'] ?? 5);
const PAYLOAD_BYTES = 2048;
const NETWORK = 'enlace-bench';

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

interface Measure {
  /** Wall time per operation, the operations run one after the other. */
  ms: number;
  /** Process CPU time per operation, all threads. */
  cpuMs: number;
  /** Operations per second of one core's CPU time. */
  perSecond: number;
}

type Operation = () => unknown;

/** Each round of every operation in turn; per operation, the round with the median CPU time. */
async function measureInterleaved(operations: Record<string, Operation>): Promise<Record<string, Measure>> {
  const samples: Record<string, { ms: number; cpuMs: number }[]> = {};
  for (const [name, operation] of Object.entries(operations)) {
    samples[name] = [];
    for (let i = 0; i < Math.min(200, ITERATIONS); i += 1) await operation();
  }
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const [name, operation] of Object.entries(operations)) {
      const cpuBefore = process.cpuUsage();
      const start = process.hrtime.bigint();
      for (let i = 0; i < ITERATIONS; i += 1) await operation();
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      const cpu = process.cpuUsage(cpuBefore);
      samples[name]?.push({ ms: wallMs / ITERATIONS, cpuMs: (cpu.user + cpu.system) / 1000 / ITERATIONS });
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, rounds]) => {
      const median = [...rounds].sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor(rounds.length / 2)] ?? rounds[0];
      const { ms, cpuMs } = median ?? { ms: Number.NaN, cpuMs: Number.NaN };
      return [name, { ms: round(ms, 4), cpuMs: round(cpuMs, 4), perSecond: Math.round(1000 / cpuMs) }];
    }),
  );
}

function speedup(baseline: Measure | undefined, next: Measure | undefined): number | null {
  return baseline && next ? round(baseline.cpuMs / next.cpuMs, 2) : null;
}

function pairs(
  measures: Record<string, Measure>,
  names: readonly string[],
): Record<string, { jose?: Measure; nodeCrypto?: Measure; speedup: number | null }> {
  return Object.fromEntries(
    names.map((name) => {
      const jose = measures[`${name}:jose`];
      const nodeCrypto = measures[`${name}:node`];
      return [name, { jose, nodeCrypto, speedup: speedup(jose, nodeCrypto) }];
    }),
  );
}

async function importKey(jwk: JWK, alg: string): Promise<CryptoKey> {
  return (await importJWK(jwk, alg)) as CryptoKey;
}

function payloadOf(bytes: number): { referralId: string; summary: string; needs: string[] } {
  const needs = ['shelter', 'medical', 'legal', 'psychosocial'];
  const referralId = '0b6f2c7e-5d3a-4b8e-9a41-3c2f7d9e1a05';
  const fixed = JSON.stringify({ referralId, summary: '', needs }).length;
  return { referralId, summary: 'x'.repeat(bytes - fixed), needs };
}

function headerOf(sender: NodeKeys, id: string): EnvelopeHeader {
  return {
    id,
    type: 'referral.requested.v1',
    network: NETWORK,
    from: sender.country,
    to: 'EC',
    caseId: '6f1d2e3c-8a9b-4c5d-8e7f-1a2b3c4d5e6f',
    correlationId: id,
    sentAt: new Date().toISOString(),
    schema: 'urn:enlace:schema:referral.requested:v1',
  };
}

async function main(): Promise<void> {
  const [co, ec] = await Promise.all([generateNodeKeys('CO'), generateNodeKeys('EC')]);
  const member = (country: string, keys: typeof co) => ({
    country,
    nodeId: `${country.toLowerCase()}-node-1`,
    organisations: [country],
    validFrom: '2020-01-01T00:00:00.000Z',
    ...keys.publicKeys,
  });
  const directory = new InMemoryMemberDirectory([member('CO', co), member('EC', ec)]);
  const coSigning = co.nodeKeys.signing;
  const ecEncryption = ec.nodeKeys.encryption;
  const ecPublic = ec.publicKeys.encryptionKeys[0]?.jwk ?? {};
  const coPublic = co.publicKeys.signingKeys[0]?.jwk ?? {};
  // The same key material both ways: jose's CryptoKeys, and their node:crypto handles.
  const jose = {
    recipient: await importKey(ecPublic, PAYLOAD_JWE_ALG),
    decryption: await importKey(ecEncryption.privateJwk, PAYLOAD_JWE_ALG),
    signing: await importKey(coSigning.privateJwk, ENVELOPE_JWS_ALG),
    verification: await importKey(coPublic, ENVELOPE_JWS_ALG),
  };
  const node = {
    recipient: KeyObject.from(jose.recipient as webcrypto.CryptoKey),
    decryption: KeyObject.from(jose.decryption as webcrypto.CryptoKey),
    signing: KeyObject.from(jose.signing as webcrypto.CryptoKey),
    verification: KeyObject.from(jose.verification as webcrypto.CryptoKey),
  };

  const payload = payloadOf(PAYLOAD_BYTES);
  const plaintext = utf8.encode(JSON.stringify(payload));
  const id = '0b6f2c7e-5d3a-4b8e-9a41-3c2f7d9e1a05';
  const header = headerOf(co.nodeKeys, id);
  const jweHeader = {
    alg: PAYLOAD_JWE_ALG,
    enc: PAYLOAD_JWE_ENC,
    kid: ecEncryption.kid,
    [PAYLOAD_FROM_PARAM]: 'CO',
    [PAYLOAD_ENVELOPE_ID_PARAM]: id,
  } as const;
  const jwsHeader = { alg: ENVELOPE_JWS_ALG, typ: ENVELOPE_JWS_TYP, kid: coSigning.kid };

  const joseEncrypt = () => new CompactEncrypt(plaintext).setProtectedHeader(jweHeader).encrypt(jose.recipient);
  const nodeEncrypt = () => encryptEcdhEsJwe(plaintext, jweHeader, node.recipient);
  const jwe = nodeEncrypt();
  const content = utf8.encode(JSON.stringify({ header, payload: jwe }));
  const jws = signEd25519Jws(jwsHeader, content, node.signing);
  const signingInput = jws.slice(0, jws.lastIndexOf('.'));
  const signature = Buffer.from(jws.slice(jws.lastIndexOf('.') + 1), 'base64url');

  // One envelope's crypto and the JSON around it, the same steps both ways: the payload encrypted for the
  // addressee with the binding header, the content signed; then the signature checked and the payload decrypted.
  const sealWithJose = async () => {
    const sealed = await new CompactEncrypt(utf8.encode(JSON.stringify(payload)))
      .setProtectedHeader(jweHeader)
      .encrypt(jose.recipient);
    return new CompactSign(utf8.encode(JSON.stringify({ header, payload: sealed })))
      .setProtectedHeader(jwsHeader)
      .sign(jose.signing);
  };
  const sealWithNode = () => {
    const sealed = encryptEcdhEsJwe(utf8.encode(JSON.stringify(payload)), jweHeader, node.recipient);
    return signEd25519Jws(jwsHeader, utf8.encode(JSON.stringify({ header, payload: sealed })), node.signing);
  };
  const wire = sealWithNode();
  const openWithJose = async () => {
    const verified = await compactVerify(wire, jose.verification, { algorithms: [ENVELOPE_JWS_ALG] });
    const opened = JSON.parse(fromUtf8.decode(verified.payload)) as { payload: string };
    const decrypted = await compactDecrypt(opened.payload, jose.decryption, {
      keyManagementAlgorithms: [PAYLOAD_JWE_ALG],
      contentEncryptionAlgorithms: [PAYLOAD_JWE_ENC],
    });
    return JSON.parse(fromUtf8.decode(decrypted.plaintext)) as unknown;
  };
  const openWithNode = () => {
    const lastDot = wire.lastIndexOf('.');
    verifyEd25519Jws(wire.slice(0, lastDot), Buffer.from(wire.slice(lastDot + 1), 'base64url'), node.verification);
    const [, encodedContent] = wire.split('.');
    const opened = JSON.parse(Buffer.from(encodedContent ?? '', 'base64url').toString('utf8')) as { payload: string };
    return JSON.parse(decryptEcdhEsJwe(readCompactJwe(opened.payload), node.decryption).toString('utf8')) as unknown;
  };

  // The libraries' public classes, everything included: header completion, schema checks, parsing, key lookup.
  const sealer = new EnvelopeSealer(co.nodeKeys, directory, NETWORK);
  const opener = new EnvelopeOpener(ec.nodeKeys, directory, NETWORK);
  const draft = { id, type: header.type, to: 'EC', caseId: header.caseId, correlationId: id, schema: header.schema };
  const sealedByClass = await sealer.seal(draft, payload);

  const caseKey = new Uint8Array(randomBytes(32));
  const binding = { caseId: header.caseId, purpose: 'personal' };
  const caseHeader = { alg: 'dir', enc: 'A256GCM', 'enlace.case': binding.caseId, 'enlace.use': binding.purpose };
  const sealCaseWithJose = () =>
    new CompactEncrypt(utf8.encode(JSON.stringify(payload))).setProtectedHeader(caseHeader).encrypt(caseKey);
  const sealedCase = await sealCaseData(caseKey, binding, payload);
  const openCaseWithJose = async () => {
    const opened = await compactDecrypt(sealedCase, caseKey, {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    const sealedFor = opened.protectedHeader as Record<string, unknown>;
    if (sealedFor['enlace.case'] !== binding.caseId || sealedFor['enlace.use'] !== binding.purpose) {
      throw new Error('binding');
    }
    return JSON.parse(fromUtf8.decode(opened.plaintext)) as unknown;
  };

  const measures = await measureInterleaved({
    'jweEncrypt:jose': joseEncrypt,
    'jweEncrypt:node': nodeEncrypt,
    'jweDecrypt:jose': () =>
      compactDecrypt(jwe, jose.decryption, {
        keyManagementAlgorithms: [PAYLOAD_JWE_ALG],
        contentEncryptionAlgorithms: [PAYLOAD_JWE_ENC],
      }),
    'jweDecrypt:node': () => decryptEcdhEsJwe(readCompactJwe(jwe), node.decryption),
    'jwsSign:jose': () => new CompactSign(content).setProtectedHeader(jwsHeader).sign(jose.signing),
    'jwsSign:node': () => signEd25519Jws(jwsHeader, content, node.signing),
    'jwsVerify:jose': () => compactVerify(jws, jose.verification, { algorithms: [ENVELOPE_JWS_ALG] }),
    'jwsVerify:node': () => verifyEd25519Jws(signingInput, signature, node.verification),
    'envelopeSeal:jose': sealWithJose,
    'envelopeSeal:node': sealWithNode,
    'envelopeOpen:jose': openWithJose,
    'envelopeOpen:node': openWithNode,
    'caseDataSeal:jose': sealCaseWithJose,
    'caseDataSeal:node': () => sealCaseData(caseKey, binding, payload),
    'caseDataOpen:jose': openCaseWithJose,
    'caseDataOpen:node': () => openCaseData(caseKey, binding, sealedCase),
    'classSeal:node': () => sealer.seal(draft, payload),
    'classOpen:node': () => opener.open(sealedByClass),
  });

  const perOperation = pairs(measures, ['jweEncrypt', 'jweDecrypt', 'jwsSign', 'jwsVerify']);
  const perEnvelopeStep = pairs(measures, ['envelopeSeal', 'envelopeOpen']);
  const envelope = (implementation: 'jose' | 'node') => {
    const seal = measures[`envelopeSeal:${implementation}`];
    const open = measures[`envelopeOpen:${implementation}`];
    if (!seal || !open) return undefined;
    const cpuMs = seal.cpuMs + open.cpuMs;
    return { ms: round(seal.ms + open.ms, 4), cpuMs: round(cpuMs, 4), perSecond: Math.round(1000 / cpuMs) };
  };
  const joseEnvelope = envelope('jose');
  const nodeEnvelope = envelope('node');
  const classSeal = measures['classSeal:node'];
  const classOpen = measures['classOpen:node'];

  console.log(
    JSON.stringify(
      {
        bench: 'envelope-crypto',
        at: new Date().toISOString(),
        machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, load: os.loadavg() },
        settings: { payloadBytes: plaintext.length, wireBytes: wire.length, iterations: ITERATIONS, rounds: ROUNDS },
        perOperation,
        perEnvelope: {
          ...perEnvelopeStep,
          sealAndOpen: { jose: joseEnvelope, nodeCrypto: nodeEnvelope, speedup: speedup(joseEnvelope, nodeEnvelope) },
        },
        caseData: pairs(measures, ['caseDataSeal', 'caseDataOpen']),
        publicClasses: {
          note: 'EnvelopeSealer.seal and EnvelopeOpener.open as callers use them (node:crypto inside)',
          seal: classSeal,
          open: classOpen,
          sealAndOpen:
            classSeal && classOpen
              ? {
                  cpuMs: round(classSeal.cpuMs + classOpen.cpuMs, 4),
                  perSecond: Math.round(1000 / (classSeal.cpuMs + classOpen.cpuMs)),
                }
              : undefined,
        },
      },
      null,
      2,
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
