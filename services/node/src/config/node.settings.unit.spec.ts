import { ConfigurationError } from '@enlace/config';
import { nodeConfigSchema } from './node.settings';

/** What the demo gives a whole node (deploy/local/src/network/local-network.ts), less the credentials. */
const ENV = {
  ENLACE_COUNTRY: 'co',
  ENLACE_NETWORK: 'demo',
  ENLACE_HTTP_HOST: '127.0.0.1',
  ENLACE_HTTP_PORT: '18001',
  KAFKA_BROKERS: '127.0.0.1:19092',
  DATABASE_URL: 'postgres://enlace@127.0.0.1:15432/enlace_demo_co',
  ENLACE_JWT_SECRET: 'a-development-secret-of-32-chars!',
  ENLACE_USERS_FILE: '/tmp/co.users.json',
  ENLACE_TRUST_ANCHORS_FILE: '/tmp/trust-anchors.json',
  ENLACE_KEYS_FILE: '/tmp/co.keys.json',
  ENLACE_CASE_KEK_FILE: '/tmp/co.case-kek.json',
  ENLACE_AUDIT_KEY_FILE: '/tmp/co.audit-key.json',
  ENLACE_TRUSTED_PROXIES: 'loopback',
};

describe('nodeConfigSchema', () => {
  describe('read', () => {
    it("should read node-api's settings and the courier's together", () => {
      const settings = nodeConfigSchema.read(ENV);

      expect(settings).toMatchObject({
        ENLACE_COUNTRY: 'CO',
        ENLACE_HTTP_PORT: 18001,
        KAFKA_BROKERS: ['127.0.0.1:19092'],
        ENLACE_KEYS_FILE: '/tmp/co.keys.json',
        ENLACE_RELAY_BATCH_SIZE: 200,
        ENLACE_INBOX_POLL_MS: 5000,
      });
    });

    it("should name node-api's problems and the courier's at once", () => {
      const { ENLACE_USERS_FILE: _users, ENLACE_KEYS_FILE: _keys, ...env } = ENV;

      const start = () => nodeConfigSchema.read({ ...env, ENLACE_RELAY_BATCH_SIZE: '0', ENLACE_HTTP_PORT: 'x' });

      expect(start).toThrow(ConfigurationError);
      expect(start).toThrow(/^the node \(node-api and its courier\) refuses to start: its settings have 4 problems/);
      expect(start).toThrow(/ENLACE_USERS_FILE is required unless ENLACE_OIDC_ISSUER is set/);
      expect(start).toThrow(/ENLACE_KEYS_FILE is required/);
      expect(start).toThrow(/ENLACE_RELAY_BATCH_SIZE must be an integer of at least 1/);
      expect(start).toThrow(/ENLACE_HTTP_PORT must be an integer of at least 1/);
    });
  });
});
