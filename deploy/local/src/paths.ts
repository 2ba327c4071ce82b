// Where the local infrastructure keeps its files, and which ports it uses.
//
// Everything lives under the state folder: <repo root>/.enlace, or $ENLACE_HOME when set
// (a relative ENLACE_HOME is taken from the repository root).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root: the nearest folder above this file that holds deploy/local/kafka/pom.xml. */
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'deploy', 'local', 'kafka', 'pom.xml'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the repository root above ${start}`);
  }
}

/** Absolute path of the repository root (this file is <root>/deploy/local/src/paths.ts). */
export const REPO_ROOT = findRepoRoot(__dirname);

/** deploy/local in the repository: the sources (pom, log4j template, ScramUsers.java). */
export const LOCAL_DEPLOY_DIR = path.join(REPO_ROOT, 'deploy', 'local');

export interface KafkaPaths {
  /** deploy/local/kafka/pom.xml: resolves the Kafka jars. */
  pom: string;
  /** deploy/local/kafka/log4j.properties: template of the broker's logging configuration. */
  log4jTemplate: string;
  /** <home>/kafka */
  dir: string;
  libs: string;
  /** marker written once the jars are resolved (holds a hash of the pom). */
  libsStamp: string;
  data: string;
  logs: string;
  serverProperties: string;
  log4jProperties: string;
  /** cluster id, generated once and kept. */
  clusterIdFile: string;
  /** how many brokers the state folder's cluster was formatted for (1 when absent). */
  clusterSizeFile: string;
  /** the broker's super user (user name and password, mode 0600), generated once and kept. */
  adminCredentials: string;
  /** written into the data folder once it is formatted with the super user's SCRAM credential. */
  saslStamp: string;
  /** ScramUsers.java: creates SCRAM users through the Admin API (kafkajs cannot). */
  scramUsersSource: string;
  /** log4j configuration of command-line tools run with the jars: warnings to stderr. */
  toolsLog4jProperties: string;
  /** the broker's log4j file. */
  serverLog: string;
  /** stdout/stderr of the java process. */
  stdoutLog: string;
  pidFile: string;
  /** The TLS listener's certificate authority and the broker's certificate, made at the first start that needs them. */
  tls: KafkaTlsPaths;
}

export interface KafkaTlsPaths {
  /** <home>/kafka/tls (mode 0700 but for ca.pem's own mode). */
  dir: string;
  /** The local certificate authority with its private key (PKCS#12, 0600): it signs the broker's certificate. */
  caKeystore: string;
  /** The authority's certificate (PEM, 0644): what a client trusts (KAFKA_SSL_CA_FILE). */
  caCertificate: string;
  /** The broker's key and certificate for 127.0.0.1 and localhost, signed by the authority (PKCS#12, 0600). */
  brokerKeystore: string;
  /** The broker's certificate alone (PEM): tells when it must be renewed. */
  brokerCertificate: string;
  /** The keystores' password (0600), generated once; it also goes into server.properties (0600). */
  storePassword: string;
}

export interface PostgresPaths {
  /** <home>/postgres: owned by the server's user when the command runs as root. */
  dir: string;
  /** the cluster (initdb's -D). */
  data: string;
  logs: string;
  /** stdout/stderr of the server (it logs to stderr). */
  log: string;
  /** unix_socket_directories: the socket stays inside the state folder, not in /var/run/postgresql. */
  run: string;
  pidFile: string;
}

export interface InfraPaths {
  root: string;
  home: string;
  /** <home>/infra: pid files and the lock. */
  infraDir: string;
  lockFile: string;
  /** <home>/infra.json: endpoints written by `up`. */
  infraJson: string;
  kafka: KafkaPaths;
  postgres: PostgresPaths;
}

export interface InfraPorts {
  kafka: number;
  kafkaController: number;
  /** The broker's SASL_SSL listener, beside the SASL_PLAINTEXT one on `kafka`. */
  kafkaTls: number;
  postgres: number;
}

/** The only address the local processes bind to. */
export const HOST = '127.0.0.1';

export function resolvePaths(env: NodeJS.ProcessEnv = process.env): InfraPaths {
  const home = env['ENLACE_HOME'] ? path.resolve(REPO_ROOT, env['ENLACE_HOME']) : path.join(REPO_ROOT, '.enlace');
  const infraDir = path.join(home, 'infra');
  const kafkaDir = path.join(home, 'kafka');
  const kafkaLogs = path.join(kafkaDir, 'logs');
  const postgresDir = path.join(home, 'postgres');
  const postgresLogs = path.join(postgresDir, 'logs');
  return {
    root: REPO_ROOT,
    home,
    infraDir,
    lockFile: path.join(infraDir, 'lock'),
    infraJson: path.join(home, 'infra.json'),
    kafka: {
      pom: path.join(LOCAL_DEPLOY_DIR, 'kafka', 'pom.xml'),
      log4jTemplate: path.join(LOCAL_DEPLOY_DIR, 'kafka', 'log4j.properties'),
      dir: kafkaDir,
      libs: path.join(kafkaDir, 'libs'),
      libsStamp: path.join(kafkaDir, 'libs', '.resolved'),
      data: path.join(kafkaDir, 'data'),
      logs: kafkaLogs,
      serverProperties: path.join(kafkaDir, 'server.properties'),
      log4jProperties: path.join(kafkaDir, 'log4j.properties'),
      clusterIdFile: path.join(kafkaDir, 'cluster-id'),
      clusterSizeFile: path.join(kafkaDir, 'cluster-size'),
      adminCredentials: path.join(kafkaDir, 'admin-credentials.json'),
      saslStamp: path.join(kafkaDir, 'data', '.enlace-sasl'),
      scramUsersSource: path.join(LOCAL_DEPLOY_DIR, 'kafka', 'ScramUsers.java'),
      toolsLog4jProperties: path.join(LOCAL_DEPLOY_DIR, 'kafka', 'tools-log4j.properties'),
      serverLog: path.join(kafkaLogs, 'server.log'),
      stdoutLog: path.join(kafkaLogs, 'kafka.out'),
      pidFile: path.join(infraDir, 'kafka.pid'),
      tls: {
        dir: path.join(kafkaDir, 'tls'),
        caKeystore: path.join(kafkaDir, 'tls', 'ca.p12'),
        caCertificate: path.join(kafkaDir, 'tls', 'ca.pem'),
        brokerKeystore: path.join(kafkaDir, 'tls', 'broker.p12'),
        brokerCertificate: path.join(kafkaDir, 'tls', 'broker.pem'),
        storePassword: path.join(kafkaDir, 'tls', 'store-password'),
      },
    },
    postgres: {
      dir: postgresDir,
      data: path.join(postgresDir, 'data'),
      logs: postgresLogs,
      log: path.join(postgresLogs, 'postgres.log'),
      run: path.join(postgresDir, 'run'),
      pidFile: path.join(infraDir, 'postgres.pid'),
    },
  };
}

/** The most brokers the local cluster may have (each a broker and a controller in one JVM). */
export const MAX_KAFKA_CLUSTER_SIZE = 3;

/** How far apart the ports of two brokers of the local cluster are: broker n uses the first one's ports + 10 (n - 1). */
export const KAFKA_BROKER_PORT_STEP = 10;

/**
 * The files of broker `index` (1-based) of the local cluster. Broker 1 keeps the single broker's layout (a state folder
 * made before clusters existed is broker 1 as it is); broker n keeps its own under <home>/kafka/broker-<n>. The jars,
 * the TLS material, the cluster id and the super user are shared.
 */
export function kafkaBrokerPaths(paths: InfraPaths, index: number): InfraPaths {
  if (index === 1) return paths;
  const dir = path.join(paths.kafka.dir, `broker-${index}`);
  const logs = path.join(dir, 'logs');
  return {
    ...paths,
    kafka: {
      ...paths.kafka,
      data: path.join(dir, 'data'),
      logs,
      serverProperties: path.join(dir, 'server.properties'),
      log4jProperties: path.join(dir, 'log4j.properties'),
      saslStamp: path.join(dir, 'data', '.enlace-sasl'),
      serverLog: path.join(logs, 'server.log'),
      stdoutLog: path.join(logs, 'kafka.out'),
      pidFile: path.join(paths.infraDir, `kafka-${index}.pid`),
    },
  };
}

/** The ports of broker `index` (1-based): broker 1 uses the configured ones, the others the same + 10 (n - 1). */
export function kafkaBrokerPorts(ports: InfraPorts, index: number): InfraPorts {
  const shift = KAFKA_BROKER_PORT_STEP * (index - 1);
  return {
    ...ports,
    kafka: ports.kafka + shift,
    kafkaController: ports.kafkaController + shift,
    kafkaTls: ports.kafkaTls + shift,
  };
}

function portFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a port number (1-65535), got "${raw}"`);
  }
  return port;
}

export function resolvePorts(env: NodeJS.ProcessEnv = process.env): InfraPorts {
  const ports: InfraPorts = {
    kafka: portFromEnv(env, 'ENLACE_KAFKA_PORT', 19092),
    kafkaController: portFromEnv(env, 'ENLACE_KAFKA_CONTROLLER_PORT', 19093),
    kafkaTls: portFromEnv(env, 'ENLACE_KAFKA_TLS_PORT', 19094),
    postgres: portFromEnv(env, 'ENLACE_POSTGRES_PORT', 15432),
  };
  const used = [ports.kafka, ports.kafkaController, ports.kafkaTls, ports.postgres];
  if (new Set(used).size !== used.length) {
    throw new Error(
      'ENLACE_KAFKA_PORT, ENLACE_KAFKA_CONTROLLER_PORT, ENLACE_KAFKA_TLS_PORT and ENLACE_POSTGRES_PORT must differ ' +
        `(got ${used.join(', ')})`,
    );
  }
  return ports;
}

/** Seconds to wait for a started process to become healthy (ENLACE_INFRA_TIMEOUT_SECONDS, default 120). */
export function startTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['ENLACE_INFRA_TIMEOUT_SECONDS'];
  const seconds = raw ? Number(raw) : 120;
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(`ENLACE_INFRA_TIMEOUT_SECONDS must be a positive number, got "${raw}"`);
  }
  return seconds * 1000;
}
