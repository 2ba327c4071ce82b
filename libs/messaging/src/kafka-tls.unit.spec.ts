import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { kafkaTlsConnectionOptions, kafkaTlsFromEnv } from './kafka-tls';

const FIXTURES = path.join(__dirname, 'testing', 'tls');
const CERT = path.join(FIXTURES, 'unit-test-client.cert.pem');

describe('kafkaTlsFromEnv', () => {
  let dir: string;
  let key: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kafka-tls-'));
    // git keeps no file modes: the key gets its owner-only mode here
    key = path.join(dir, 'client.key.pem');
    copyFileSync(path.join(FIXTURES, 'unit-test-client.key.pem'), key);
    chmodSync(key, 0o600);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('without KAFKA_SSL', () => {
    it('should give no TLS', () => {
      expect(kafkaTlsFromEnv({})).toBeUndefined();
      expect(kafkaTlsFromEnv({ KAFKA_SSL: 'false' })).toBeUndefined();
    });

    it('should refuse a CA file that would be ignored, naming it', () => {
      expect(() => kafkaTlsFromEnv({ KAFKA_SSL_CA_FILE: CERT })).toThrow(
        'KAFKA_SSL_CA_FILE set but KAFKA_SSL is not true',
      );
    });

    it('should refuse a value that is not true or false', () => {
      expect(() => kafkaTlsFromEnv({ KAFKA_SSL: 'maybe' })).toThrow('KAFKA_SSL must be true or false');
    });
  });

  describe('with KAFKA_SSL=true', () => {
    it("should trust Node's public authorities when no CA file is given", () => {
      expect(kafkaTlsFromEnv({ KAFKA_SSL: 'true' })).toEqual({});
    });

    it('should read the CA file', () => {
      expect(kafkaTlsFromEnv({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: CERT })).toEqual({
        ca: readFileSync(CERT, 'utf8'),
      });
    });

    it('should name a missing CA file and its path', () => {
      const missing = path.join(dir, 'nowhere', 'ca.pem');
      expect(() => kafkaTlsFromEnv({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: missing })).toThrow(
        `KAFKA_SSL_CA_FILE ${missing} cannot be read (ENOENT)`,
      );
    });

    it('should refuse a CA file that holds no certificate, without quoting it', () => {
      // a private key given where the CA goes: the message names the file and never shows its content
      const read = () => kafkaTlsFromEnv({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: key });
      expect(read).toThrow(`KAFKA_SSL_CA_FILE ${key} holds no PEM certificate`);
      expect(read).not.toThrow(/PRIVATE KEY/);
    });

    it('should refuse a damaged certificate', () => {
      const damaged = path.join(dir, 'damaged.pem');
      writeFileSync(damaged, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
      expect(() => kafkaTlsFromEnv({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: damaged })).toThrow(
        `KAFKA_SSL_CA_FILE ${damaged} holds a certificate that cannot be read`,
      );
    });
  });

  describe('with a client certificate (mutual TLS)', () => {
    it('should read the certificate and its key', () => {
      const settings = kafkaTlsFromEnv({ KAFKA_SSL: 'true', KAFKA_SSL_CERT_FILE: CERT, KAFKA_SSL_KEY_FILE: key });
      expect(settings?.cert).toBe(readFileSync(CERT, 'utf8'));
      expect(settings?.key).toBe(readFileSync(key, 'utf8'));
    });

    it('should refuse a certificate without its key', () => {
      expect(() => kafkaTlsFromEnv({ KAFKA_SSL: 'true', KAFKA_SSL_CERT_FILE: CERT })).toThrow(
        'KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE go together',
      );
    });

    it('should refuse a key file other users may read', () => {
      chmodSync(key, 0o644);
      expect(() => kafkaTlsFromEnv({ KAFKA_SSL: 'true', KAFKA_SSL_CERT_FILE: CERT, KAFKA_SSL_KEY_FILE: key })).toThrow(
        `KAFKA_SSL_KEY_FILE ${key} may be read or written by other users (mode 644)`,
      );
    });

    it('should refuse a key that is not the certificate’s, naming both files', () => {
      const other = path.join(dir, 'other.key.pem');
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      writeFileSync(other, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      expect(() =>
        kafkaTlsFromEnv({ KAFKA_SSL: 'true', KAFKA_SSL_CERT_FILE: CERT, KAFKA_SSL_KEY_FILE: other }),
      ).toThrow(`KAFKA_SSL_CERT_FILE ${CERT} is not the certificate of the key in KAFKA_SSL_KEY_FILE ${other}`);
    });

    it('should refuse a key file that is no key, without quoting it', () => {
      const notKey = path.join(dir, 'not-a-key.pem');
      writeFileSync(notKey, 'secret-looking-text', { mode: 0o600 });
      const read = () => kafkaTlsFromEnv({ KAFKA_SSL: 'true', KAFKA_SSL_CERT_FILE: CERT, KAFKA_SSL_KEY_FILE: notKey });
      expect(read).toThrow(`KAFKA_SSL_KEY_FILE ${notKey} is not a PEM private key`);
      expect(read).not.toThrow(/secret-looking-text/);
    });
  });
});

describe('kafkaTlsConnectionOptions', () => {
  it('should always verify the broker certificate', () => {
    expect(kafkaTlsConnectionOptions({})).toEqual({ rejectUnauthorized: true });
    expect(kafkaTlsConnectionOptions({ ca: 'PEM' })).toEqual({ ca: ['PEM'], rejectUnauthorized: true });
  });
});
