import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { CompactEncrypt, compactDecrypt } from 'jose';
import { CaseDataCipherError, openCaseData, sealCaseData } from './case-data-cipher';

const key = () => new Uint8Array(randomBytes(32));
const binding = { caseId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10', purpose: 'personal' };
const person = { firstName: 'ZzMarker', secondName: 'Rojas' };

describe('case data cipher', () => {
  describe('sealCaseData', () => {
    it('should give a compact JWE (dir, A256GCM) that holds no plaintext and that jose opens', async () => {
      const k = key();
      const sealed = await sealCaseData(k, binding, person);
      expect(sealed.split('.')).toHaveLength(5);
      expect(Buffer.from(sealed).includes('ZzMarker')).toBe(false);
      const { plaintext, protectedHeader } = await compactDecrypt(sealed, k);
      expect(protectedHeader).toMatchObject({ alg: 'dir', enc: 'A256GCM', 'enlace.case': binding.caseId });
      expect(JSON.parse(new TextDecoder().decode(plaintext))).toEqual(person);
    });

    it('should seal the same value differently each time (a fresh IV)', async () => {
      const k = key();
      expect(await sealCaseData(k, binding, person)).not.toEqual(await sealCaseData(k, binding, person));
    });
  });

  describe('openCaseData', () => {
    it('should give back what was sealed', async () => {
      const k = key();
      expect(await openCaseData(k, binding, await sealCaseData(k, binding, person))).toEqual(person);
    });

    it('should refuse another key: a destroyed key cannot be replaced by a guess', async () => {
      const sealed = await sealCaseData(key(), binding, person);
      await expect(openCaseData(key(), binding, sealed)).rejects.toBeInstanceOf(CaseDataCipherError);
    });

    it('should refuse a ciphertext moved to another case or use', async () => {
      const k = key();
      const sealed = await sealCaseData(k, binding, person);
      await expect(openCaseData(k, { ...binding, caseId: 'other' }, sealed)).rejects.toThrow('another case');
      await expect(openCaseData(k, { ...binding, purpose: 'outbox:x' }, sealed)).rejects.toThrow('another case');
    });

    it('should refuse every altered byte of the ciphertext and tag', async () => {
      const k = key();
      const sealed = await sealCaseData(k, binding, person);
      const [header, , iv, ciphertext, tag] = sealed.split('.') as [string, string, string, string, string];
      for (const [index, part] of [ciphertext, tag].entries()) {
        const bytes = Buffer.from(part, 'base64url');
        for (let i = 0; i < bytes.length; i++) {
          const flipped = Buffer.from(bytes);
          flipped[i] = (flipped[i] ?? 0) ^ 0x01;
          const parts = [header, '', iv, ciphertext, tag];
          parts[3 + index] = flipped.toString('base64url');
          await expect(openCaseData(k, binding, parts.join('.'))).rejects.toBeInstanceOf(CaseDataCipherError);
        }
      }
    });

    it('should open what jose wrote with the same header', async () => {
      const k = key();
      const sealed = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(person)))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', 'enlace.case': binding.caseId, 'enlace.use': 'personal' })
        .encrypt(k);
      expect(await openCaseData(k, binding, sealed)).toEqual(person);
    });
  });

  describe('against jose, for random values, bindings and keys', () => {
    const keys = fc.uint8Array({ minLength: 32, maxLength: 32 });
    const bindings = fc.record({ caseId: fc.string({ unit: 'binary' }), purpose: fc.string({ unit: 'binary' }) });
    const values = fc.jsonValue({ maxDepth: 4 });
    const headerOf = (b: { caseId: string; purpose: string }) => ({
      alg: 'dir',
      enc: 'A256GCM',
      'enlace.case': b.caseId,
      'enlace.use': b.purpose,
    });
    const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));
    const refusalOf = (k: Uint8Array, b: { caseId: string; purpose: string }, sealed: string) =>
      openCaseData(k, b, sealed).then(
        () => 'OPENED',
        (error: unknown) => (error instanceof CaseDataCipherError ? 'REFUSED' : error),
      );

    it("should write what jose opens, jose's bytes exactly for the same IV", async () => {
      await fc.assert(
        fc.asyncProperty(keys, bindings, values, async (k, b, value) => {
          const sealed = await sealCaseData(k, b, value);
          const { plaintext, protectedHeader } = await compactDecrypt(sealed, k, {
            keyManagementAlgorithms: ['dir'],
            contentEncryptionAlgorithms: ['A256GCM'],
          });
          const iv = Buffer.from(sealed.split('.')[2] ?? '', 'base64url');
          const byJose = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(value)))
            .setProtectedHeader(headerOf(b))
            .setInitializationVector(new Uint8Array(iv))
            .encrypt(k);

          expect(protectedHeader).toEqual(headerOf(b));
          expect(JSON.parse(new TextDecoder().decode(plaintext))).toEqual(asJson(value));
          expect(sealed).toBe(byJose);
        }),
        { numRuns: 200 },
      );
    });

    it('should open what jose writes', async () => {
      await fc.assert(
        fc.asyncProperty(keys, bindings, values, async (k, b, value) => {
          const sealed = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(value)))
            .setProtectedHeader(headerOf(b))
            .encrypt(k);

          expect(await openCaseData(k, b, sealed)).toEqual(asJson(value));
        }),
        { numRuns: 200 },
      );
    });

    it('should refuse a character changed anywhere, where jose refuses it too or reads another spelling', async () => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
      await fc.assert(
        fc.asyncProperty(
          keys,
          bindings,
          values,
          fc.nat(),
          fc.constantFrom(...alphabet),
          async (k, b, value, seed, replacement) => {
            const sealed = await sealCaseData(k, b, value);
            const position = seed % sealed.length;
            fc.pre(sealed[position] !== replacement);
            const tampered = sealed.slice(0, position) + replacement + sealed.slice(position + 1);

            const byJose = await compactDecrypt(tampered, k).then(
              () => 'OPENED',
              () => 'REFUSED',
            );

            await expect(refusalOf(k, b, tampered)).resolves.toBe('REFUSED');
            if (byJose === 'OPENED') {
              // Only another spelling of the same bytes (unused bits set, or a blank), which no writer produces.
              const respelled = tampered
                .split('.')
                .map((part) => Buffer.from(part, 'base64url').toString('base64url'))
                .join('.');
              expect(respelled === tampered && !tampered.includes(' ')).toBe(false);
            }
          },
        ),
        { numRuns: 400 },
      );
    });

    it('should refuse another key and another binding, as the jose-based cipher did', async () => {
      await fc.assert(
        fc.asyncProperty(keys, keys, bindings, bindings, async (k, other, b, otherBinding) => {
          fc.pre(!Buffer.from(k).equals(Buffer.from(other)));
          fc.pre(b.caseId !== otherBinding.caseId || b.purpose !== otherBinding.purpose);
          const sealed = await sealCaseData(k, b, { n: 1 });

          await expect(refusalOf(other, b, sealed)).resolves.toBe('REFUSED');
          await expect(compactDecrypt(sealed, other)).rejects.toThrow();
          await expect(openCaseData(k, otherBinding, sealed)).rejects.toThrow('another case');
        }),
        { numRuns: 100 },
      );
    });

    it.each([
      ['another content encryption', { alg: 'dir', enc: 'A128GCM' }, 16],
      ['another content encryption mode', { alg: 'dir', enc: 'A256CBC-HS512' }, 64],
      ['key wrapping', { alg: 'A256GCMKW', enc: 'A256GCM' }, 32],
      ['a critical extension', { alg: 'dir', enc: 'A256GCM', crit: ['enlace.case'] }, 32],
      ['compression', { alg: 'dir', enc: 'A256GCM', zip: 'DEF' }, 32],
    ])('should refuse %s, which jose writes but case data never use', async (_name, header, keyBytes) => {
      const k = new Uint8Array(randomBytes(keyBytes));
      const sealed = await new CompactEncrypt(new TextEncoder().encode('{}'))
        .setProtectedHeader({ ...header, 'enlace.case': binding.caseId, 'enlace.use': binding.purpose })
        .encrypt(k, { crit: { 'enlace.case': true } });

      await expect(refusalOf(k, binding, sealed)).resolves.toBe('REFUSED');
    });

    it('should refuse a key of another length', async () => {
      const sealed = await sealCaseData(key(), binding, person);

      await expect(refusalOf(new Uint8Array(16), binding, sealed)).resolves.toBe('REFUSED');
      await expect(sealCaseData(new Uint8Array(16), binding, person)).rejects.toThrow(TypeError);
    });
  });
});
