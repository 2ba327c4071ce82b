// Apache Kafka 3.9 in KRaft mode, run from the jars that deploy/local/kafka/pom.xml resolves: one broker of the local
// cluster (broker and controller in one JVM); the cluster is one of them by default (kafka-cluster.ts).
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { KafkaSaslCredentials } from '@enlace/messaging';
import type { LocalComponent, Log } from './component';
import { jaasQuoted, kafkaAdminCredentials } from './kafka-admin-credentials';
import { replicationOf, type KafkaClusterMember } from './kafka-cluster';
import { ensureTlsMaterial, tlsStorePassword } from './kafka-tls-material';
import { HOST, LOCAL_DEPLOY_DIR, type InfraPaths, type InfraPorts } from './paths';
import { javaCommand, type Tool } from './prerequisites';
import { probeKafka, probeKafkaAuthenticated, probeKafkaOverTls } from './probes';
import { runCommand, spawnDetached, tailText } from './processes';

/** A Kafka cluster id: 16 random bytes, base64url without padding, never starting with '-' (as Kafka's Uuid). */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-') && id !== 'AAAAAAAAAAAAAAAAAAAAAA' && id !== 'AAAAAAAAAAAAAAAAAAAAAQ') return id;
  }
}

/**
 * The broker's configuration. Clients authenticate with SASL/SCRAM-SHA-512 on two listeners: CLIENT (SASL_PLAINTEXT,
 * the demo's and the tests' port) and CLIENT_TLS (SASL_SSL, with the certificate of kafka-tls-material.ts, as a
 * network's broker is reached in production). The broker talks to its own controller with SASL/PLAIN as the super
 * user (SCRAM credentials live in the metadata log, which the controller listener cannot wait for).
 * StandardAuthorizer with allow.everyone.if.no.acl.found=false: a principal may do only what an ACL grants it, and
 * only the super user is above the ACLs.
 */
export function serverProperties(
  paths: InfraPaths,
  ports: InfraPorts,
  admin: KafkaSaslCredentials,
  tls?: { storePassword: string },
  member: Pick<KafkaClusterMember, 'index' | 'size' | 'voters'> = singleBroker(ports),
): string {
  const replication = replicationOf(member.size);
  const scram = `org.apache.kafka.common.security.scram.ScramLoginModule required username=${jaasQuoted(admin.username)} password=${jaasQuoted(admin.password)};`;
  const plain =
    `org.apache.kafka.common.security.plain.PlainLoginModule required username=${jaasQuoted(admin.username)} ` +
    `password=${jaasQuoted(admin.password)} user_${admin.username}=${jaasQuoted(admin.password)};`;
  const tlsListener = tls ? `,CLIENT_TLS://${HOST}:${ports.kafkaTls}` : '';
  return [
    "# Written by deploy/local/infra.ts on each start; edits are overwritten. Holds the super user's password.",
    'process.roles=broker,controller',
    `node.id=${member.index}`,
    `controller.quorum.voters=${member.voters}`,
    `listeners=CLIENT://${HOST}:${ports.kafka},CONTROLLER://${HOST}:${ports.kafkaController}${tlsListener}`,
    `advertised.listeners=CLIENT://${HOST}:${ports.kafka}${tlsListener}`,
    'inter.broker.listener.name=CLIENT',
    'controller.listener.names=CONTROLLER',
    `listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT${tls ? ',CLIENT_TLS:SASL_SSL' : ''}`,
    'sasl.enabled.mechanisms=SCRAM-SHA-512',
    'sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512',
    'sasl.mechanism.controller.protocol=PLAIN',
    'listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512',
    `listener.name.client.scram-sha-512.sasl.jaas.config=${scram}`,
    ...(tls
      ? [
          'listener.name.client_tls.sasl.enabled.mechanisms=SCRAM-SHA-512',
          `listener.name.client_tls.scram-sha-512.sasl.jaas.config=${scram}`,
          'listener.name.client_tls.ssl.keystore.type=PKCS12',
          `listener.name.client_tls.ssl.keystore.location=${paths.kafka.tls.brokerKeystore}`,
          `listener.name.client_tls.ssl.keystore.password=${tls.storePassword}`,
          `listener.name.client_tls.ssl.key.password=${tls.storePassword}`,
          // no client certificate asked: clients prove who they are with SCRAM, as on the plain listener
          'listener.name.client_tls.ssl.client.auth=none',
          'listener.name.client_tls.ssl.enabled.protocols=TLSv1.3,TLSv1.2',
        ]
      : []),
    'listener.name.controller.sasl.enabled.mechanisms=PLAIN',
    `listener.name.controller.plain.sasl.jaas.config=${plain}`,
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'allow.everyone.if.no.acl.found=false',
    `super.users=User:${admin.username}`,
    `log.dirs=${paths.kafka.data}`,
    'num.partitions=3',
    `default.replication.factor=${replication.factor}`,
    `min.insync.replicas=${replication.minInsync}`,
    `offsets.topic.replication.factor=${replication.factor}`,
    // fewer internal partitions than the defaults (50): the first consumer group / transaction starts faster
    'offsets.topic.num.partitions=3',
    `transaction.state.log.replication.factor=${replication.factor}`,
    `transaction.state.log.min.isr=${replication.minInsync}`,
    'transaction.state.log.num.partitions=3',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    'delete.topic.enable=true',
    'num.network.threads=2',
    'num.io.threads=4',
    'log.retention.hours=168',
    // Small preallocated indexes (default 10 MiB per partition): a local broker holds many small topics.
    'log.index.size.max.bytes=65536',
    '',
  ].join('\n');
}

function singleBroker(ports: InfraPorts): Pick<KafkaClusterMember, 'index' | 'size' | 'voters'> {
  return { index: 1, size: 1, voters: `1@${HOST}:${ports.kafkaController}` };
}

function pomHash(pom: string): string {
  return createHash('sha256').update(fs.readFileSync(pom)).digest('hex');
}

function libsResolved(paths: InfraPaths): boolean {
  try {
    return fs.readFileSync(paths.kafka.libsStamp, 'utf8').trim() === pomHash(paths.kafka.pom);
  } catch {
    return false;
  }
}

function isFormatted(paths: InfraPaths): boolean {
  return fs.existsSync(path.join(paths.kafka.data, 'meta.properties'));
}

/** Formatted with the super user's SCRAM credential (data from before authentication came are formatted anew). */
function isFormattedWithSasl(paths: InfraPaths): boolean {
  return isFormatted(paths) && fs.existsSync(paths.kafka.saslStamp);
}

function classpath(paths: InfraPaths): string {
  return `${paths.kafka.libs}${path.sep}*`;
}

function log4jOption(paths: InfraPaths): string {
  return `-Dlog4j.configuration=${pathToFileURL(paths.kafka.log4jProperties).href}`;
}

async function resolveLibs(paths: InfraPaths, env: NodeJS.ProcessEnv, log: Log): Promise<void> {
  log('resolving Kafka jars with mvn (first run only)...');
  fs.rmSync(paths.kafka.libs, { recursive: true, force: true });
  fs.mkdirSync(paths.kafka.libs, { recursive: true });
  const result = await runCommand(
    'mvn',
    ['-q', '-B', '-f', paths.kafka.pom, 'dependency:copy-dependencies', `-DoutputDirectory=${paths.kafka.libs}`],
    { cwd: paths.root, env },
  );
  if (result.code !== 0) {
    throw new Error(`mvn could not resolve the Kafka jars (exit ${result.code}):\n${tailText(result.output, 30)}`);
  }
  const jars = fs.readdirSync(paths.kafka.libs).filter((f) => f.endsWith('.jar'));
  if (!jars.some((f) => f.startsWith('kafka_2.13-'))) {
    throw new Error(`mvn ran but ${paths.kafka.libs} has no kafka_2.13 jar`);
  }
  fs.writeFileSync(paths.kafka.libsStamp, `${pomHash(paths.kafka.pom)}\n`);
  log(`${jars.length} jars in ${paths.kafka.libs}`);
}

function writeConfig(member: KafkaClusterMember, admin: KafkaSaslCredentials): void {
  const { paths, ports } = member;
  fs.mkdirSync(paths.kafka.data, { recursive: true });
  fs.mkdirSync(paths.kafka.logs, { recursive: true });
  const tls = { storePassword: tlsStorePassword(paths.kafka.tls) };
  fs.writeFileSync(paths.kafka.serverProperties, serverProperties(paths, ports, admin, tls, member), {
    mode: 0o600,
  });
  fs.chmodSync(paths.kafka.serverProperties, 0o600);
  const template = fs.readFileSync(paths.kafka.log4jTemplate, 'utf8');
  const logFile = paths.kafka.serverLog.replace(/\\/g, '\\\\');
  fs.writeFileSync(paths.kafka.log4jProperties, template.split('${enlace.kafka.log.file}').join(logFile));
}

function clusterId(paths: InfraPaths): string {
  try {
    const id = fs.readFileSync(paths.kafka.clusterIdFile, 'utf8').trim();
    if (id) return id;
  } catch {
    // first run
  }
  const id = newClusterId();
  fs.writeFileSync(paths.kafka.clusterIdFile, `${id}\n`);
  return id;
}

async function format(paths: InfraPaths, env: NodeJS.ProcessEnv, log: Log, admin: KafkaSaslCredentials): Promise<void> {
  if (isFormatted(paths)) {
    log('the data predate authentication on the broker: formatting them anew (local data only)');
    fs.rmSync(paths.kafka.data, { recursive: true, force: true });
    fs.mkdirSync(paths.kafka.data, { recursive: true });
  }
  const id = clusterId(paths);
  log(`formatting storage (cluster id ${id}) with the super user ${admin.username}`);
  const result = await runCommand(
    javaCommand(env),
    [
      log4jOption(paths),
      '-cp',
      classpath(paths),
      path.join(LOCAL_DEPLOY_DIR, 'kafka', 'FormatStorage.java'),
      'format',
      '--ignore-formatted',
      '-t',
      id,
      '-c',
      paths.kafka.serverProperties,
    ],
    // The super user's SCRAM credential goes into the metadata log at format time (the broker accepts it at once),
    // through standard input: on the command line any user of the machine could read the password.
    { cwd: paths.kafka.dir, env, input: `SCRAM-SHA-512=[name=${admin.username},password=${admin.password}]\n` },
  );
  if (result.code !== 0 || !isFormatted(paths)) {
    throw new Error(
      `formatting the storage (kafka.tools.StorageTool) failed (exit ${result.code}):\n${tailText(result.output, 30)}`,
    );
  }
  fs.writeFileSync(paths.kafka.saslStamp, `${admin.username}\n`);
}

/** Formats a broker's storage for the cluster it is a member of, and notes the cluster's size (kafka-cluster.ts). */
async function formatMember(member: KafkaClusterMember, env: NodeJS.ProcessEnv, log: Log, admin: KafkaSaslCredentials) {
  await format(member.paths, env, log, admin);
  fs.writeFileSync(member.paths.kafka.clusterSizeFile, `${member.size}\n`);
}

/**
 * The port of the TLS listener the broker was configured with at its start (server.properties is written only then),
 * or undefined: a broker started before the TLS listener existed has none until it is restarted.
 */
export function configuredTlsPort(paths: InfraPaths): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(paths.kafka.serverProperties, 'utf8');
  } catch {
    return undefined;
  }
  const match = /^listeners=.*CLIENT_TLS:\/\/[^:,]+:(\d+)/m.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** What the brokers of one state folder share and prepare once at a time (the cluster's start them together). */
const sharedPreparations = new Map<string, Promise<void>>();

/** The jars and the TLS material every broker of the state folder uses; concurrent callers wait for one another. */
function prepareShared(paths: InfraPaths, env: NodeJS.ProcessEnv, log: Log): Promise<void> {
  const running = sharedPreparations.get(paths.kafka.dir);
  if (running) return running;
  const preparation = (async () => {
    fs.mkdirSync(paths.kafka.dir, { recursive: true });
    if (!libsResolved(paths)) await resolveLibs(paths, env, log);
    await ensureTlsMaterial(paths.kafka.tls, env, log);
  })().finally(() => sharedPreparations.delete(paths.kafka.dir));
  sharedPreparations.set(paths.kafka.dir, preparation);
  return preparation;
}

/** One broker of the local cluster (`kafka`, or `kafka-<n>` for the n-th broker of a larger one). */
export function kafkaComponent(member: KafkaClusterMember, env: NodeJS.ProcessEnv): LocalComponent {
  const { paths, ports } = member;
  const admin = (): KafkaSaslCredentials => kafkaAdminCredentials(paths.kafka.adminCredentials);
  // a cluster's brokers share the machine: smaller heaps each
  const heap = member.size > 1 ? ['-Xms128m', '-Xmx384m'] : ['-Xms256m', '-Xmx512m'];
  return {
    name: member.index === 1 ? 'kafka' : `kafka-${member.index}`,
    host: HOST,
    ports: [ports.kafka, ports.kafkaController, ports.kafkaTls],
    pidFile: paths.kafka.pidFile,
    // the server.properties path is on the java command line: tells this state folder's broker apart
    markers: ['kafka.Kafka', paths.kafka.serverProperties],
    logFiles: [paths.kafka.stdoutLog, paths.kafka.serverLog],

    toolsNeeded(): Tool[] {
      return libsResolved(paths) ? ['java'] : ['java', 'mvn'];
    },

    async prepare(log: Log): Promise<void> {
      await prepareShared(paths, env, log);
      writeConfig(member, admin());
      if (!isFormattedWithSasl(paths)) await formatMember(member, env, log, admin());
    },

    async start(log: Log): Promise<number> {
      log(
        `starting on ${HOST}:${ports.kafka}, TLS ${HOST}:${ports.kafkaTls} (controller ${HOST}:${ports.kafkaController})`,
      );
      return spawnDetached(
        javaCommand(env),
        [
          ...heap,
          '-XX:+UseG1GC',
          '-XX:MaxGCPauseMillis=20',
          '-Djava.awt.headless=true',
          log4jOption(paths),
          `-Dkafka.logs.dir=${paths.kafka.logs}`,
          '-cp',
          classpath(paths),
          'kafka.Kafka',
          paths.kafka.serverProperties,
        ],
        { cwd: paths.kafka.dir, logFile: paths.kafka.stdoutLog, pidFile: paths.kafka.pidFile, env },
      );
    },

    async probe(timeoutMs: number): Promise<void> {
      await probeKafka(HOST, ports.kafka, timeoutMs, { metadata: false });
      await probeKafkaAuthenticated(HOST, ports.kafka, admin(), timeoutMs);
      // a broker started before the TLS listener existed is left as it is (healthy): it gets one at its next start
      const tlsPort = configuredTlsPort(paths);
      if (tlsPort !== undefined) {
        await probeKafkaOverTls(
          HOST,
          tlsPort,
          admin(),
          fs.readFileSync(paths.kafka.tls.caCertificate, 'utf8'),
          timeoutMs,
        );
      }
    },
  };
}
