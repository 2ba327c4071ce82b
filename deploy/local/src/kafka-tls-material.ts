// The local broker's TLS material: a certificate authority of this state folder and the broker's certificate for
// 127.0.0.1 and localhost, made once with the JDK's keytool (Java runs the broker, so it is there; nothing is
// downloaded) and kept. Clients trust the authority's certificate, <home>/kafka/tls/ca.pem (KAFKA_SSL_CA_FILE).
import { X509Certificate, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Log } from './component';
import type { KafkaTlsPaths } from './paths';
import { runCommand, tailText } from './processes';

/** The environment variable through which keytool gets the keystores' password: never on its command line. */
const PASSWORD_VARIABLE = 'ENLACE_KEYTOOL_STORE_PASSWORD';
const CA_ALIAS = 'enlace-local-ca';
const BROKER_ALIAS = 'enlace-local-broker';
/** Days: the authority outlives many brokers' certificates; the broker's is renewed by removing the tls folder. */
const CA_VALIDITY_DAYS = 3650;
const BROKER_VALIDITY_DAYS = 825;
/** A certificate this close to its end is made anew at the next start, before clients start refusing it. */
const RENEW_BEFORE_MS = 30 * 24 * 3600 * 1000;

/** `keytool` beside `java` under $JAVA_HOME when set, else from PATH. */
export function keytoolCommand(env: NodeJS.ProcessEnv = process.env): string {
  const javaHome = env['JAVA_HOME'];
  return javaHome ? path.join(javaHome, 'bin', 'keytool') : 'keytool';
}

export function tlsMaterialExists(tls: KafkaTlsPaths): boolean {
  return [tls.caCertificate, tls.brokerKeystore, tls.brokerCertificate, tls.storePassword].every((file) =>
    fs.existsSync(file),
  );
}

/** Whether the authority's and the broker's certificates are both valid for a while yet. */
function stillValid(tls: KafkaTlsPaths, now = Date.now()): boolean {
  try {
    return [tls.caCertificate, tls.brokerCertificate].every(
      (file) => Date.parse(new X509Certificate(fs.readFileSync(file)).validTo) - now > RENEW_BEFORE_MS,
    );
  } catch {
    return false;
  }
}

/** The keystores' password, as kept beside them. */
export function tlsStorePassword(tls: KafkaTlsPaths): string {
  return fs.readFileSync(tls.storePassword, 'utf8').trim();
}

/**
 * Makes the authority and the broker's certificate unless they exist and have more than 30 days left (a state folder
 * from before TLS gets them at its next start; its data are not touched). Made in a folder beside and renamed into place, so an interrupted run
 * leaves no half of it behind.
 */
export async function ensureTlsMaterial(tls: KafkaTlsPaths, env: NodeJS.ProcessEnv, log: Log): Promise<void> {
  if (tlsMaterialExists(tls) && stillValid(tls)) return;
  log(
    `${tlsMaterialExists(tls) ? 'renewing' : 'making'} the TLS listener's certificate authority and its certificate ` +
      'for 127.0.0.1 and localhost (keytool)',
  );
  const work = `${tls.dir}.${process.pid}.tmp`;
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true, mode: 0o700 });
  try {
    const password = randomBytes(24).toString('base64url');
    const inWork = (file: string): string => path.join(work, path.basename(file));
    const keytool = keytoolRunner(env, password, work);
    const common = ['-keyalg', 'EC', '-groupname', 'secp256r1', '-storetype', 'PKCS12'];
    const ca = ['-keystore', inWork(tls.caKeystore), '-storepass:env', PASSWORD_VARIABLE];
    const broker = ['-keystore', inWork(tls.brokerKeystore), '-storepass:env', PASSWORD_VARIABLE];
    await keytool('make the authority', [
      '-genkeypair',
      ...common,
      ...ca,
      '-alias',
      CA_ALIAS,
      '-dname',
      'CN=Enlace local broker CA',
      '-ext',
      'bc:c',
      '-ext',
      'KU:c=keyCertSign,cRLSign',
      '-validity',
      String(CA_VALIDITY_DAYS),
    ]);
    await keytool('export the authority', [
      '-exportcert',
      '-rfc',
      ...ca,
      '-alias',
      CA_ALIAS,
      '-file',
      inWork(tls.caCertificate),
    ]);
    await keytool("make the broker's key", [
      '-genkeypair',
      ...common,
      ...broker,
      '-alias',
      BROKER_ALIAS,
      '-dname',
      'CN=localhost',
      '-validity',
      String(BROKER_VALIDITY_DAYS),
    ]);
    const request = path.join(work, 'broker.csr');
    const signed = path.join(work, 'broker.crt');
    await keytool('ask for the broker certificate', ['-certreq', ...broker, '-alias', BROKER_ALIAS, '-file', request]);
    await keytool('sign the broker certificate', [
      '-gencert',
      '-rfc',
      ...ca,
      '-alias',
      CA_ALIAS,
      '-infile',
      request,
      '-outfile',
      signed,
      '-validity',
      String(BROKER_VALIDITY_DAYS),
      '-ext',
      'SAN=ip:127.0.0.1,dns:localhost',
      '-ext',
      'KU:c=digitalSignature,keyAgreement',
      '-ext',
      'EKU=serverAuth',
    ]);
    // the chain is completed from the authority's certificate, imported first as a trusted entry
    await keytool('import the authority', [
      '-importcert',
      '-noprompt',
      ...broker,
      '-alias',
      CA_ALIAS,
      '-file',
      inWork(tls.caCertificate),
    ]);
    await keytool('import the broker certificate', ['-importcert', ...broker, '-alias', BROKER_ALIAS, '-file', signed]);
    fs.rmSync(request);
    fs.renameSync(signed, inWork(tls.brokerCertificate));
    fs.writeFileSync(inWork(tls.storePassword), `${password}\n`, { mode: 0o600 });
    fs.chmodSync(inWork(tls.caKeystore), 0o600);
    fs.chmodSync(inWork(tls.brokerKeystore), 0o600);
    // what clients are given to trust: readable by the other users of the machine (the tests, the demo's nodes)
    fs.chmodSync(inWork(tls.caCertificate), 0o644);
    fs.chmodSync(inWork(tls.brokerCertificate), 0o644);
    fs.rmSync(tls.dir, { recursive: true, force: true });
    fs.renameSync(work, tls.dir);
    fs.chmodSync(tls.dir, 0o755);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  log(`the authority's certificate for clients: ${tls.caCertificate}`);
}

function keytoolRunner(
  env: NodeJS.ProcessEnv,
  password: string,
  cwd: string,
): (step: string, args: string[]) => Promise<void> {
  const command = keytoolCommand(env);
  return async (step, args) => {
    const result = await runCommand(command, args, { cwd, env: { ...env, [PASSWORD_VARIABLE]: password } });
    if (result.code !== 0) {
      throw new Error(
        `keytool could not ${step} (exit ${result.code ?? 'none'}; is the JDK's keytool on PATH or in ` +
          `$JAVA_HOME/bin?):\n${tailText(result.output, 15)}`,
      );
    }
  };
}
