import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { ConfigurationError } from '@enlace/config';

/**
 * How a client reaches the broker over TLS: whom it trusts for the broker's certificate and, for mutual TLS, its own
 * certificate and key. Verification of the broker's certificate is always on: there is no setting to turn it off.
 */
export interface KafkaTlsSettings {
  /** PEM certificates of the authorities trusted for the broker (KAFKA_SSL_CA_FILE); absent: Node's public list. */
  readonly ca?: string;
  /** The client's own certificate chain, PEM (KAFKA_SSL_CERT_FILE), with its private key: mutual TLS. */
  readonly cert?: string;
  readonly key?: string;
  /** Opens an encrypted private key (KAFKA_SSL_KEY_PASSWORD). */
  readonly passphrase?: string;
}

/** The settings as kafkajs' `ssl` option (node:tls options), verification forced on. */
export function kafkaTlsConnectionOptions(settings: KafkaTlsSettings): ConnectionOptions {
  return {
    ...(settings.ca !== undefined && { ca: [settings.ca] }),
    ...(settings.cert !== undefined && { cert: settings.cert }),
    ...(settings.key !== undefined && { key: settings.key }),
    ...(settings.passphrase !== undefined && { passphrase: settings.passphrase }),
    rejectUnauthorized: true,
  };
}

const TRUE = ['true', '1', 'yes'];
const FALSE = ['false', '0', 'no'];
const FILE_SETTINGS = ['KAFKA_SSL_CA_FILE', 'KAFKA_SSL_CERT_FILE', 'KAFKA_SSL_KEY_FILE', 'KAFKA_SSL_KEY_PASSWORD'];

/**
 * Reads KAFKA_SSL (true: TLS to the broker), KAFKA_SSL_CA_FILE (the authority that signed the broker's certificate,
 * for a private one), KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE (mutual TLS, both or neither; the key file readable
 * by its owner only) and KAFKA_SSL_KEY_PASSWORD (an encrypted key). KAFKA_SSL unset or false: no TLS, and then a
 * file setting is a mistake, refused rather than silently ignored. Every error names the setting and its file, never
 * what the file holds.
 */
export function kafkaTlsFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaTlsSettings | undefined {
  const value = (name: string): string | undefined => env[name]?.trim() || undefined;
  const enabled = value('KAFKA_SSL')?.toLowerCase();
  if (enabled !== undefined && !TRUE.includes(enabled) && !FALSE.includes(enabled)) {
    throw new ConfigurationError('KAFKA_SSL must be true or false');
  }
  if (enabled === undefined || FALSE.includes(enabled)) {
    const stray = FILE_SETTINGS.filter((name) => value(name) !== undefined);
    if (stray.length > 0) {
      throw new ConfigurationError(`${stray.join(', ')} set but KAFKA_SSL is not true: set KAFKA_SSL=true for TLS`);
    }
    return undefined;
  }
  const caFile = value('KAFKA_SSL_CA_FILE');
  const certFile = value('KAFKA_SSL_CERT_FILE');
  const keyFile = value('KAFKA_SSL_KEY_FILE');
  const passphrase = env['KAFKA_SSL_KEY_PASSWORD'] || undefined;
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new ConfigurationError('KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE go together: set both for mutual TLS');
  }
  if (passphrase !== undefined && keyFile === undefined) {
    throw new ConfigurationError('KAFKA_SSL_KEY_PASSWORD is set without KAFKA_SSL_KEY_FILE');
  }
  const ca = caFile === undefined ? undefined : readCertificates('KAFKA_SSL_CA_FILE', caFile);
  if (certFile === undefined || keyFile === undefined) return ca === undefined ? {} : { ca };
  const cert = readCertificates('KAFKA_SSL_CERT_FILE', certFile);
  const key = readOwnerOnlyFile('KAFKA_SSL_KEY_FILE', keyFile);
  const keyObject = parsePrivateKey(keyFile, key, passphrase);
  if (!new X509Certificate(cert).checkPrivateKey(keyObject)) {
    throw new ConfigurationError(
      `KAFKA_SSL_CERT_FILE ${certFile} is not the certificate of the key in KAFKA_SSL_KEY_FILE ${keyFile}`,
    );
  }
  return { ...(ca !== undefined && { ca }), cert, key, ...(passphrase !== undefined && { passphrase }) };
}

function readFile(setting: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`${setting} ${file} cannot be read (${errorCode(error)})`);
  }
}

/** One or more PEM certificates, each of which must parse: a wrong file is named at start, not at the handshake. */
function readCertificates(setting: string, file: string): string {
  const text = readFile(setting, file);
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new ConfigurationError(`${setting} ${file} holds no PEM certificate`);
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch {
      throw new ConfigurationError(`${setting} ${file} holds a certificate that cannot be read`);
    }
  }
  return text;
}

/** A private key file is refused when group or others may read it (as ssh does); the mode is of the open file. */
function readOwnerOnlyFile(setting: string, file: string): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new ConfigurationError(`${setting} ${file} cannot be read (${errorCode(error)})`);
  }
  try {
    const mode = fstatSync(fd).mode;
    if ((mode & 0o077) !== 0) {
      const octal = (mode & 0o777).toString(8).padStart(3, '0');
      throw new ConfigurationError(
        `${setting} ${file} may be read or written by other users (mode ${octal}): make it the owner's only ` +
          `(chmod 600 ${file})`,
      );
    }
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

function parsePrivateKey(file: string, key: string, passphrase: string | undefined): KeyObject {
  try {
    return createPrivateKey({ key, format: 'pem', ...(passphrase !== undefined && { passphrase }) });
  } catch {
    // node's message may describe the key's content: it is not passed on
    throw new ConfigurationError(
      `KAFKA_SSL_KEY_FILE ${file} is not a PEM private key` +
        (passphrase !== undefined
          ? ' that KAFKA_SSL_KEY_PASSWORD opens'
          : ' (or it is encrypted: KAFKA_SSL_KEY_PASSWORD)'),
    );
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error';
}
