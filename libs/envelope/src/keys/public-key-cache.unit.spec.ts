import { first } from '../testing/test-network.fixture';
import { PAYLOAD_JWE_ALG } from '../envelope-wire.constants';
import { generateNodeKeys } from './node-keys';
import { PublicKeyCache } from './public-key-cache';

describe(PublicKeyCache, () => {
  describe('get', () => {
    it('should import a key once and serve the same imported key afterwards', async () => {
      const { publicKeys } = await generateNodeKeys('EC');
      const key = first(publicKeys.encryptionKeys);
      const cache = new PublicKeyCache(PAYLOAD_JWE_ALG);

      const imported = cache.get(key);

      expect(cache.get({ ...key })).toBe(imported);
      await expect(imported).resolves.toMatchObject({ type: 'public', algorithm: { name: 'X25519' } });
    });

    it('should not serve a cached key for another key published under the same kid', async () => {
      const [one, other] = await Promise.all([generateNodeKeys('EC'), generateNodeKeys('EC')]);
      const key = first(one.publicKeys.encryptionKeys);
      const cache = new PublicKeyCache(PAYLOAD_JWE_ALG);

      const imported = cache.get(key);
      const second = cache.get({ kid: key.kid, jwk: first(other.publicKeys.encryptionKeys).jwk });

      expect(second).not.toBe(imported);
    });

    it('should refuse a private key and forget the failure so that a corrected directory can succeed', async () => {
      const { nodeKeys, publicKeys } = await generateNodeKeys('EC');
      const cache = new PublicKeyCache(PAYLOAD_JWE_ALG);
      const kid = nodeKeys.encryption.kid;

      await expect(cache.get({ kid, jwk: { ...nodeKeys.encryption.privateJwk, x: 'A'.repeat(43) } })).rejects.toThrow();
      await expect(cache.get({ kid, jwk: first(publicKeys.encryptionKeys).jwk })).resolves.toMatchObject({
        type: 'public',
      });
    });
  });
});
