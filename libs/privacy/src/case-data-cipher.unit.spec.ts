import { randomBytes } from 'node:crypto';
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
});
