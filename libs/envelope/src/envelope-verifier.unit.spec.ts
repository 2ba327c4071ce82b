import { randomUUID } from 'node:crypto';
import { CompactSign } from 'jose';
import type { InMemoryMemberDirectory } from './directory/in-memory-member-directory';
import { envelopeDigest } from './envelope-digest';
import { EnvelopeSealer } from './envelope-sealer';
import { EnvelopeVerifier } from './envelope-verifier';
import { ENVELOPE_JWS_ALG } from './envelope-wire.constants';
import { MalformedEnvelopeError } from './errors/malformed-envelope.error';
import { TamperedEnvelopeError } from './errors/tampered-envelope.error';
import {
  contentOf,
  createTestNetwork,
  draftHeader,
  privateKeyOf,
  referralPayload,
  signAsEnvelope,
  TEST_NETWORK,
  type TestMember,
} from './testing/test-network.fixture';

describe(EnvelopeVerifier, () => {
  let co: TestMember;
  let pe: TestMember;
  let directory: InMemoryMemberDirectory;
  let sealer: EnvelopeSealer;
  // The secretariat's view: the directory and nothing else, no private key.
  let secretariat: EnvelopeVerifier;

  beforeAll(async () => {
    ({ co, pe, directory } = await createTestNetwork());
    sealer = new EnvelopeSealer(co.keys, directory, TEST_NETWORK);
    secretariat = new EnvelopeVerifier(directory, TEST_NETWORK);
  });

  describe('readHeader', () => {
    it('should read the header of any envelope without a key', async () => {
      const draft = draftHeader('EC');
      const wire = await sealer.seal(draft, referralPayload());

      expect(secretariat.readHeader(wire)).toEqual({
        ...draft,
        network: TEST_NETWORK,
        from: 'CO',
        sentAt: expect.any(String),
      });
    });

    it('should read a header even when the signature is wrong: it proves nothing', async () => {
      const wire = await sealer.seal(draftHeader('EC'), {});
      const [header, content] = wire.split('.');
      const forged = `${header}.${content}.${Buffer.alloc(64).toString('base64url')}`;

      expect(secretariat.readHeader(forged).from).toBe('CO');
      await expect(secretariat.verify(forged)).rejects.toBeInstanceOf(TamperedEnvelopeError);
    });

    it.each([
      ['an empty wire', ''],
      ['plain text', 'hello'],
      ['a JWE compact serialization', 'a.b.c.d.e'],
      ['a JWS whose parts are not base64url', 'a+b.c/d.e=f'],
      ['a JWS with an empty signature', 'eyJ9.eyJ9.'],
    ])('should refuse %s as malformed', (_name, wire) => {
      expect(() => secretariat.readHeader(wire)).toThrow(MalformedEnvelopeError);
    });

    it('should refuse bytes that are not UTF-8', () => {
      expect(() => secretariat.readHeader(Buffer.from([0xff, 0xfe, 0x2e, 0x2e]))).toThrow(MalformedEnvelopeError);
    });

    it('should refuse a JWS of another type', async () => {
      const other = await new CompactSign(new TextEncoder().encode('{}'))
        .setProtectedHeader({ alg: ENVELOPE_JWS_ALG, typ: 'JWT', kid: co.keys.signing.kid })
        .sign(await privateKeyOf(co.keys.signing, ENVELOPE_JWS_ALG));

      expect(() => secretariat.readHeader(other)).toThrow(/typ/);
    });

    it('should refuse a protected header with critical extensions', async () => {
      const unencoded = await new CompactSign(new TextEncoder().encode('{}'))
        .setProtectedHeader({ alg: ENVELOPE_JWS_ALG, typ: 'enlace-envelope+jws', kid: 'k', crit: ['b64'], b64: true })
        .sign(await privateKeyOf(co.keys.signing, ENVELOPE_JWS_ALG));

      expect(() => secretariat.readHeader(unencoded)).toThrow(/critical/);
    });

    it('should refuse a signed content that is not an envelope, naming the field but not its value', async () => {
      const { header, payload } = contentOf(await sealer.seal(draftHeader('EC'), {}));
      const wire = await signAsEnvelope({ header: { ...header, to: 'Ecuador' }, payload }, co.keys.signing);

      expect(() => secretariat.readHeader(wire)).toThrow(/\/header\/to must match pattern/);
      expect(() => secretariat.readHeader(wire)).not.toThrow(/Ecuador/);
    });

    it('should refuse a content whose payload is not a JWE', async () => {
      const { header } = contentOf(await sealer.seal(draftHeader('EC'), {}));
      const wire = await signAsEnvelope({ header, payload: '{"name":"Ana"}' }, co.keys.signing);

      expect(() => secretariat.readHeader(wire)).toThrow(MalformedEnvelopeError);
    });
  });

  describe('verify', () => {
    it('should prove the header comes from its sender, and name the key and the digest', async () => {
      const wire = await sealer.seal(draftHeader('EC'), {});

      await expect(secretariat.verify(wire)).resolves.toEqual({
        header: expect.objectContaining({ from: 'CO', to: 'EC' }),
        signingKid: co.keys.signing.kid,
        digest: envelopeDigest(wire),
      });
    });

    it("should refuse an envelope signed by PE in CO's name", async () => {
      const { header, payload } = contentOf(await sealer.seal(draftHeader('EC'), {}));
      const forged = await signAsEnvelope({ header, payload }, { ...pe.keys.signing, kid: co.keys.signing.kid });

      await expect(secretariat.verify(forged)).rejects.toBeInstanceOf(TamperedEnvelopeError);
    });

    it("should refuse an envelope that names PE's key but claims to come from CO", async () => {
      const { header, payload } = contentOf(await sealer.seal(draftHeader('EC'), {}));
      const forged = await signAsEnvelope({ header, payload }, pe.keys.signing);

      await expect(secretariat.verify(forged)).rejects.toMatchObject({ code: 'UNKNOWN_SENDER' });
    });

    it('should refuse a content swapped under a valid signature', async () => {
      const first = await sealer.seal(draftHeader('EC'), {});
      const second = await sealer.seal(draftHeader('EC', { id: randomUUID() }), {});
      const [header, , signature] = first.split('.');
      const swapped = `${header}.${second.split('.')[1]}.${signature}`;

      await expect(secretariat.verify(swapped)).rejects.toBeInstanceOf(TamperedEnvelopeError);
    });
  });
});
