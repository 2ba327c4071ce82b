import { randomBytes } from 'node:crypto';
import { CaseDataCipherError } from './case-data-cipher';
import { makeCaseKey, unwrapCaseKey, wrapCaseKey } from './case-key-wrapping';

const kek = () => ({ kid: 'kek-1', key: new Uint8Array(randomBytes(32)) });
const caseId = '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10';

describe('case key wrapping', () => {
  describe('makeCaseKey', () => {
    it('should make a 32-byte key whose row unwraps to it under the key-encryption key that made it', async () => {
      const k = kek();
      const made = await makeCaseKey(k, caseId);
      expect(made.key).toHaveLength(32);
      expect(made.row).toMatchObject({ case_id: caseId, kek_id: 'kek-1' });
      expect(Buffer.from(made.row.wrapped_key).includes(Buffer.from(made.key).toString('base64url'))).toBe(false);
      expect(await unwrapCaseKey(k, caseId, made.row.wrapped_key)).toEqual(made.key);
    });

    it('should make another key for each case', async () => {
      const k = kek();
      expect((await makeCaseKey(k, caseId)).key).not.toEqual((await makeCaseKey(k, caseId)).key);
    });
  });

  describe('unwrapCaseKey', () => {
    it("should refuse a key wrapped for another case: one case's key copied to another does not open", async () => {
      const k = kek();
      const wrapped = await wrapCaseKey(k, caseId, new Uint8Array(randomBytes(32)));
      await expect(unwrapCaseKey(k, 'another-case', wrapped)).rejects.toBeInstanceOf(CaseDataCipherError);
    });

    it('should refuse another key-encryption key', async () => {
      const wrapped = await wrapCaseKey(kek(), caseId, new Uint8Array(randomBytes(32)));
      await expect(unwrapCaseKey(kek(), caseId, wrapped)).rejects.toBeInstanceOf(CaseDataCipherError);
    });
  });
});
