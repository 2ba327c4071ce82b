import * as path from 'node:path';
import { readCourierConfig } from './courier.config';

/** A PEM certificate to stand for a private authority's (a test fixture of @enlace/messaging). */
const CA_FILE = path.resolve(__dirname, '../../../../libs/messaging/src/testing/tls/unit-test-client.cert.pem');

/** The smallest environment the courier starts with. */
function environment(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ENLACE_COUNTRY: 'EC',
    ENLACE_NETWORK: 'demo',
    KAFKA_BROKERS: '127.0.0.1:19092',
    DATABASE_URL: 'postgres://enlace@127.0.0.1:15432/enlace_demo_ec',
    ENLACE_DIRECTORY_FILE: '/etc/enlace/directory.json',
    ENLACE_KEYS_FILE: '/etc/enlace/ec.keys.json',
    ENLACE_CASE_KEK_FILE: '/etc/enlace/secrets/ec.case-kek.json',
    ...overrides,
  };
}

function withoutVariable(name: string): NodeJS.ProcessEnv {
  const env = environment();
  delete env[name];
  return env;
}

describe('readCourierConfig', () => {
  describe('with a missing variable', () => {
    it.each([
      'ENLACE_COUNTRY',
      'ENLACE_NETWORK',
      'KAFKA_BROKERS',
      'DATABASE_URL',
      'ENLACE_KEYS_FILE',
      'ENLACE_CASE_KEK_FILE',
    ])('should refuse to start and name %s', (name) => {
      expect(() => readCourierConfig(withoutVariable(name))).toThrow(`${name} is required`);
    });

    it('should treat a blank value as missing', () => {
      expect(() => readCourierConfig(environment({ ENLACE_KEYS_FILE: ' ' }))).toThrow('ENLACE_KEYS_FILE is required');
    });
  });

  describe('with the directory', () => {
    it('should refuse to start without trust anchors or a directory file, naming the trust anchors', () => {
      expect(() => readCourierConfig(withoutVariable('ENLACE_DIRECTORY_FILE'))).toThrow(
        'ENLACE_TRUST_ANCHORS_FILE is required',
      );
    });

    it('should take the signed directory when trust anchors are given, and ignore the file', () => {
      const config = readCourierConfig(environment({ ENLACE_TRUST_ANCHORS_FILE: '/etc/enlace/anchors.json' }));

      expect(config.trustAnchorsFile).toBe('/etc/enlace/anchors.json');
      expect(config.directoryFile).toBeUndefined();
    });
  });

  describe('with broker credentials', () => {
    it('should read them, SCRAM-SHA-512 by default', () => {
      const config = readCourierConfig(
        environment({ KAFKA_SASL_USERNAME: 'enlace-demo-ec', KAFKA_SASL_PASSWORD: 's3' }),
      );

      expect(config.kafkaSasl).toEqual({ mechanism: 'scram-sha-512', username: 'enlace-demo-ec', password: 's3' });
    });

    it('should refuse a user name without a password', () => {
      expect(() => readCourierConfig(environment({ KAFKA_SASL_USERNAME: 'enlace-demo-ec' }))).toThrow(
        'KAFKA_SASL_PASSWORD is required',
      );
    });
  });

  describe('with the country', () => {
    it.each(['ECU', 'E', 'E1'])('should refuse %p, which is no ISO 3166 alpha-2 code', (country) => {
      expect(() => readCourierConfig(environment({ ENLACE_COUNTRY: country }))).toThrow(
        'ENLACE_COUNTRY must be an ISO 3166 alpha-2 code',
      );
    });

    it('should accept a lower-case code as its upper-case form', () => {
      expect(readCourierConfig(environment({ ENLACE_COUNTRY: 'pe' })).country).toBe('PE');
    });
  });

  describe('with the brokers', () => {
    it('should split a comma-separated list and drop blanks', () => {
      expect(readCourierConfig(environment({ KAFKA_BROKERS: ' a:9092, b:9092 ,' })).kafkaBrokers).toEqual([
        'a:9092',
        'b:9092',
      ]);
    });
  });

  describe('with integer settings', () => {
    it.each([
      ['ENLACE_RELAY_POLL_MS', '0'],
      ['ENLACE_RELAY_POLL_MS', 'soon'],
      ['ENLACE_RELAY_BATCH_SIZE', '-5'],
      ['ENLACE_RELAY_BATCH_SIZE', '2.5'],
    ])('should refuse %s=%p and name it', (name, value) => {
      expect(() => readCourierConfig(environment({ [name]: value }))).toThrow(`${name} must be an integer of at least`);
    });
  });

  describe('in production (ENLACE_ENV=production)', () => {
    it('should refuse a broker link without SCRAM or TLS and an unsigned directory, naming each at once', () => {
      const start = () =>
        readCourierConfig(
          environment({
            ENLACE_ENV: 'production',
            KAFKA_SASL_USERNAME: 'u',
            KAFKA_SASL_PASSWORD: 'p',
            KAFKA_SASL_MECHANISM: 'plain',
          }),
        );

      expect(start).toThrow(/^the courier refuses to start/);
      expect(start).toThrow(/KAFKA_SASL_MECHANISM is plain: production authenticates with SCRAM only/);
      expect(start).toThrow(/KAFKA_SSL is not true: the courier would reach the broker without TLS/);
      expect(start).toThrow(/ENLACE_TRUST_ANCHORS_FILE is not set/);
    });

    it('should start with SCRAM over TLS and a signed directory', () => {
      const config = readCourierConfig(
        environment({
          ENLACE_ENV: 'production',
          KAFKA_SASL_USERNAME: 'enlace-demo-ec',
          KAFKA_SASL_PASSWORD: 's3',
          KAFKA_SASL_MECHANISM: 'scram-sha-256',
          KAFKA_SSL: 'true',
          KAFKA_SSL_CA_FILE: CA_FILE,
          ENLACE_TRUST_ANCHORS_FILE: '/etc/enlace/trust-anchors.json',
        }),
      );

      expect(config.mode).toBe('production');
      expect(config.kafkaTls?.ca).toContain('-----BEGIN CERTIFICATE-----');
      expect(config.kafkaSasl?.mechanism).toBe('scram-sha-256');
    });

    it('should refuse PLAIN over TLS, and still an unsigned directory', () => {
      const start = () =>
        readCourierConfig(
          environment({
            ENLACE_ENV: 'production',
            KAFKA_SASL_USERNAME: 'u',
            KAFKA_SASL_PASSWORD: 'p',
            KAFKA_SASL_MECHANISM: 'plain',
            KAFKA_SSL: 'true',
          }),
        );

      expect(start).toThrow(/KAFKA_SASL_MECHANISM is plain: production authenticates with SCRAM only/);
      expect(start).toThrow(/ENLACE_TRUST_ANCHORS_FILE is not set/);
      expect(start).not.toThrow(/KAFKA_SSL/);
    });

    it('should name a CA file it cannot read', () => {
      expect(() =>
        readCourierConfig(
          environment({
            ENLACE_ENV: 'production',
            KAFKA_SASL_USERNAME: 'u',
            KAFKA_SASL_PASSWORD: 'p',
            KAFKA_SSL: 'true',
            KAFKA_SSL_CA_FILE: '/etc/enlace/missing-ca.pem',
            ENLACE_TRUST_ANCHORS_FILE: '/etc/enlace/trust-anchors.json',
          }),
        ),
      ).toThrow(/KAFKA_SSL_CA_FILE \/etc\/enlace\/missing-ca.pem cannot be read \(ENOENT\)/);
    });

    it('should refuse a broker link without authentication', () => {
      expect(() => readCourierConfig(environment({ ENLACE_ENV: 'production' }))).toThrow(
        /KAFKA_SASL_USERNAME is not set/,
      );
    });
  });

  describe('with only the required variables', () => {
    it('should apply the defaults', () => {
      expect(readCourierConfig(environment())).toEqual({
        mode: 'development',
        country: 'EC',
        network: 'demo',
        kafkaBrokers: ['127.0.0.1:19092'],
        databaseUrl: 'postgres://enlace@127.0.0.1:15432/enlace_demo_ec',
        databaseMaxConnections: 10,
        directoryFile: '/etc/enlace/directory.json',
        keysFile: '/etc/enlace/ec.keys.json',
        caseKekFile: '/etc/enlace/secrets/ec.case-kek.json',
        relayPollMs: 5_000,
        relayBatchSize: 200,
        relayGatherMs: 10,
        inboxFetchMinBytes: 1,
        inboxFetchWaitMs: 250,
        inboxCommitIntervalMs: 200,
        heartbeatMs: 5_000,
        auditCheckpointMs: 60_000,
        opsHttpHost: '127.0.0.1',
      });
    });

    it('should serve the probes and metrics only when given a port, on the loopback address unless told', () => {
      expect(readCourierConfig(environment()).opsHttpPort).toBeUndefined();
      const config = readCourierConfig(
        environment({ ENLACE_COURIER_HTTP_PORT: '9464', ENLACE_COURIER_HTTP_HOST: '0.0.0.0' }),
      );
      expect(config).toMatchObject({ opsHttpPort: 9464, opsHttpHost: '0.0.0.0' });
      expect(() => readCourierConfig(environment({ ENLACE_COURIER_HTTP_PORT: '0' }))).toThrow(
        'ENLACE_COURIER_HTTP_PORT',
      );
    });

    it('should let the pool size and the relay settings replace their defaults', () => {
      const config = readCourierConfig(
        environment({
          ENLACE_DATABASE_MAX_CONNECTIONS: '4',
          ENLACE_RELAY_POLL_MS: '250',
          ENLACE_RELAY_BATCH_SIZE: '10',
          ENLACE_RELAY_GATHER_MS: '0',
          ENLACE_INBOX_FETCH_MIN_BYTES: '16384',
          ENLACE_INBOX_FETCH_WAIT_MS: '20',
          ENLACE_INBOX_COMMIT_INTERVAL_MS: '0',
        }),
      );

      expect(config).toMatchObject({
        databaseMaxConnections: 4,
        relayPollMs: 250,
        relayBatchSize: 10,
        relayGatherMs: 0,
        inboxFetchMinBytes: 16384,
        inboxFetchWaitMs: 20,
        inboxCommitIntervalMs: 0,
      });
    });
  });
});
