// Apache Kafka 3.9, single-node KRaft (broker + controller in one JVM), run from the jars that
// deploy/local/kafka/pom.xml resolves.
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { LocalComponent, Log } from './component';
import { HOST, type InfraPaths, type InfraPorts } from './paths';
import { javaCommand, type Tool } from './prerequisites';
import { probeKafka } from './probes';
import { runCommand, spawnDetached, tailText } from './processes';

/** A Kafka cluster id: 16 random bytes, base64url without padding, never starting with '-' (as Kafka's Uuid). */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-') && id !== 'AAAAAAAAAAAAAAAAAAAAAA' && id !== 'AAAAAAAAAAAAAAAAAAAAAQ') return id;
  }
}

export function serverProperties(paths: InfraPaths, ports: InfraPorts): string {
  return [
    '# Written by deploy/local/infra.ts on each start; edits are overwritten.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${HOST}:${ports.kafkaController}`,
    `listeners=PLAINTEXT://${HOST}:${ports.kafka},CONTROLLER://${HOST}:${ports.kafkaController}`,
    `advertised.listeners=PLAINTEXT://${HOST}:${ports.kafka}`,
    'inter.broker.listener.name=PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${paths.kafka.data}`,
    'num.partitions=3',
    'default.replication.factor=1',
    'min.insync.replicas=1',
    'offsets.topic.replication.factor=1',
    // fewer internal partitions than the defaults (50): the first consumer group / transaction starts faster
    'offsets.topic.num.partitions=3',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
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

function writeConfig(paths: InfraPaths, ports: InfraPorts): void {
  fs.mkdirSync(paths.kafka.data, { recursive: true });
  fs.mkdirSync(paths.kafka.logs, { recursive: true });
  fs.writeFileSync(paths.kafka.serverProperties, serverProperties(paths, ports));
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

async function format(paths: InfraPaths, env: NodeJS.ProcessEnv, log: Log): Promise<void> {
  const id = clusterId(paths);
  log(`formatting storage (cluster id ${id})`);
  const result = await runCommand(
    javaCommand(env),
    [
      log4jOption(paths),
      '-cp',
      classpath(paths),
      'kafka.tools.StorageTool',
      'format',
      '--ignore-formatted',
      '-t',
      id,
      '-c',
      paths.kafka.serverProperties,
    ],
    { cwd: paths.kafka.dir, env },
  );
  if (result.code !== 0 || !isFormatted(paths)) {
    throw new Error(`kafka.tools.StorageTool format failed (exit ${result.code}):\n${tailText(result.output, 30)}`);
  }
}

export function kafkaComponent(paths: InfraPaths, ports: InfraPorts, env: NodeJS.ProcessEnv): LocalComponent {
  return {
    name: 'kafka',
    host: HOST,
    ports: [ports.kafka, ports.kafkaController],
    pidFile: paths.kafka.pidFile,
    // the server.properties path is on the java command line: tells this state folder's broker apart
    markers: ['kafka.Kafka', paths.kafka.serverProperties],
    logFiles: [paths.kafka.stdoutLog, paths.kafka.serverLog],

    toolsNeeded(): Tool[] {
      return libsResolved(paths) ? ['java'] : ['java', 'mvn'];
    },

    async prepare(log: Log): Promise<void> {
      fs.mkdirSync(paths.kafka.dir, { recursive: true });
      if (!libsResolved(paths)) await resolveLibs(paths, env, log);
      writeConfig(paths, ports);
      if (!isFormatted(paths)) await format(paths, env, log);
    },

    async start(log: Log): Promise<number> {
      log(`starting on ${HOST}:${ports.kafka} (controller ${HOST}:${ports.kafkaController})`);
      return spawnDetached(
        javaCommand(env),
        [
          '-Xms256m',
          '-Xmx512m',
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
      await probeKafka(HOST, ports.kafka, timeoutMs);
    },
  };
}
