import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureTlsMaterial } from './kafka-tls-material';
import { resolvePaths, type KafkaTlsPaths } from './paths';

// Runs the JDK's keytool (the broker's prerequisite), hence an integration test.
describe('ensureTlsMaterial', () => {
  let home: string;
  let tls: KafkaTlsPaths;
  const lines: string[] = [];
  const log = (line: string): void => void lines.push(line);

  beforeAll(() => {
    home = mkdtempSync(path.join(tmpdir(), 'enlace-tls-material-'));
    tls = resolvePaths({ ENLACE_HOME: home }).kafka.tls;
  });

  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it("should make an authority and the broker's certificate for 127.0.0.1 and localhost, signed by it", async () => {
    await ensureTlsMaterial(tls, process.env, log);

    const ca = new X509Certificate(readFileSync(tls.caCertificate));
    const broker = new X509Certificate(readFileSync(tls.brokerCertificate));
    expect(ca.ca).toBe(true);
    expect(broker.ca).toBe(false);
    expect(broker.verify(ca.publicKey)).toBe(true);
    expect(broker.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(broker.checkHost('localhost')).toBe('localhost');
    expect(broker.checkHost('example.org')).toBeUndefined();
  }, 60_000);

  it('should keep the keys and the password to their owner, and give clients the authority to read', () => {
    const mode = (file: string): number => statSync(file).mode & 0o777;
    expect(mode(tls.caKeystore)).toBe(0o600);
    expect(mode(tls.brokerKeystore)).toBe(0o600);
    expect(mode(tls.storePassword)).toBe(0o600);
    expect(mode(tls.caCertificate)).toBe(0o644);
  });

  it('should keep what it made on the next start', async () => {
    const before = readFileSync(tls.caCertificate, 'utf8');
    lines.length = 0;
    await ensureTlsMaterial(tls, process.env, log);
    expect(readFileSync(tls.caCertificate, 'utf8')).toBe(before);
    expect(lines).toEqual([]);
  });

  it('should make it anew when part of it is gone, and leave no work folder behind', async () => {
    const before = readFileSync(tls.caCertificate, 'utf8');
    rmSync(tls.brokerCertificate);
    await ensureTlsMaterial(tls, process.env, log);
    expect(readFileSync(tls.caCertificate, 'utf8')).not.toBe(before);
    expect(new X509Certificate(readFileSync(tls.brokerCertificate)).checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(readFileSync(path.join(home, 'kafka', 'tls', 'store-password'), 'utf8').trim()).toMatch(/^[\w-]{32}$/);
  }, 60_000);
});
