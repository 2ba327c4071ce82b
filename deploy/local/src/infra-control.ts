// Starts, checks and stops Enlace's local infrastructure (Kafka + PostgreSQL) idempotently.
// Used by deploy/local/infra.ts (the CLI) and by test set-up code (ensureInfra()).
//
// KAFKA_BROKERS set -> Kafka is external: nothing started, no java/mvn needed.
// DATABASE_URL set  -> the database is external: PostgreSQL is not started, no server binaries needed.
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { ComponentName, Log, LocalComponent } from './component';
import type { KafkaSaslCredentials } from '@enlace/messaging';
import { kafkaAdminCredentials } from './kafka-admin-credentials';
import { kafkaClusterMembers, kafkaClusterSize, type KafkaClusterMember } from './kafka-cluster';
import { configuredTlsPort, kafkaComponent } from './kafka-process';
import { withLock } from './lock';
import { HOST, resolvePaths, resolvePorts, startTimeoutMs, type InfraPaths, type InfraPorts } from './paths';
import { postgresComponent, postgresServerUrl } from './postgres-process';
import { requireTools, type Tool } from './prerequisites';
import { isPortOpen, waitForHealthy } from './probes';
import { isOurProcess, isRunning, livePid, logTails, removeFile, stopProcess } from './processes';

export interface InfraEndpoints {
  /** comma-separated host:port list, for kafkajs `brokers: kafkaBrokers.split(',')`. */
  kafkaBrokers: string;
  /**
   * The local broker's super user (SCRAM-SHA-512): for the launcher, tests and benchmarks, never for a node.
   * Absent when Kafka is external.
   */
  kafkaSasl?: KafkaSaslCredentials;
  /**
   * The local broker's SASL_SSL listener: its bootstrap address and the certificate authority a client trusts for it
   * (KAFKA_SSL_CA_FILE). Absent when Kafka is external, or when the running broker was started before it had one.
   */
  kafkaTls?: InfraKafkaTls;
  /** The broker's jars, for tools that need the Java Admin API (SCRAM users); absent when Kafka is external. */
  kafkaLibsDir?: string;
  /** folder of the local broker's log files (server.log, kafka.out); absent when Kafka is external. */
  kafkaLogDir?: string;
  /** the (first) broker's log.dirs: where records rest on disk; absent when Kafka is external. */
  kafkaDataDir?: string;
  /** every local broker's log.dirs (one per broker of the cluster); absent when Kafka is external. */
  kafkaDataDirs?: string[];
  /** how many brokers the local cluster has (topics get as many copies); absent when Kafka is external. */
  kafkaClusterSize?: number;
  /**
   * The PostgreSQL server, on its maintenance database `postgres` (locally `postgres://enlace@127.0.0.1:15432/postgres`,
   * no password): a program makes its own database there (ensureDatabase) and connects to it (withDatabase).
   */
  databaseUrl: string;
  /** the local cluster's data folder; absent when the database is external. */
  postgresDataDir?: string;
  external: { kafka: boolean; postgres: boolean };
}

export interface InfraKafkaTls {
  /** host:port of the TLS listener. */
  brokers: string;
  /** PEM certificate of the local authority that signed the broker's certificate. */
  caFile: string;
}

export type ComponentState = 'running' | 'unhealthy' | 'stopped' | 'external';

export interface ComponentStatus {
  name: ComponentName;
  state: ComponentState;
  pid?: number;
  port?: number;
  /** host:port for local components; the configured endpoint (credentials masked) for external ones. */
  endpoint: string;
  detail?: string;
}

export interface InfraStatus {
  home: string;
  kafka: ComponentStatus;
  /** the other brokers of a local cluster of more than one (kafka-2, kafka-3). */
  otherBrokers: ComponentStatus[];
  postgres: ComponentStatus;
}

export interface InfraOptions {
  /** environment to read settings from; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** progress lines; default console.log with an "infra:" prefix. */
  log?: Log;
}

export interface EnsureInfraOptions extends InfraOptions {
  /** components not to start even when stopped: a broker a fault-injection test killed for good. */
  leaveStopped?: readonly ComponentName[];
}

interface Context {
  env: NodeJS.ProcessEnv;
  paths: InfraPaths;
  ports: InfraPorts;
  log: Log;
  externalKafka: string | undefined;
  externalPostgres: string | undefined;
  /** every broker of the local cluster (its files and ports), the first first. */
  members: KafkaClusterMember[];
  /** the same brokers as processes to start, check and stop (`kafka`, `kafka-2`, ...). */
  brokers: LocalComponent[];
  kafkaClusterSize: number;
  postgres: LocalComponent;
}

const defaultLog: Log = (line) => console.log(`infra: ${line}`);

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

function context(options: InfraOptions = {}): Context {
  const env = options.env ?? process.env;
  const paths = resolvePaths(env);
  const ports = resolvePorts(env);
  const size = kafkaClusterSize(env, paths);
  const members = kafkaClusterMembers(paths, ports, size);
  return {
    env,
    paths,
    ports,
    log: options.log ?? defaultLog,
    externalKafka: nonEmpty(env['KAFKA_BROKERS']),
    externalPostgres: nonEmpty(env['DATABASE_URL']),
    members,
    brokers: members.map((member) => kafkaComponent(member, env)),
    kafkaClusterSize: size,
    postgres: postgresComponent(paths, ports, env),
  };
}

/** postgres://user:secret@host/db -> postgres://user:***@host/db (any scheme://user:password@ alike) */
export function maskCredentials(uri: string): string {
  return uri.replace(/(\/\/[^:/@]+):[^@/]*@/, '$1:***@');
}

function prefixed(log: Log, name: string): Log {
  return (line) => log(`${name.padEnd(8)} ${line}`);
}

/** Starts one component unless our process already runs and answers its health check. */
async function ensureComponent(c: LocalComponent, ctx: Context): Promise<number> {
  const log = prefixed(ctx.log, c.name);
  const timeoutMs = startTimeoutMs(ctx.env);
  const clientPort = c.ports[0] as number;
  const existing = livePid(c.pidFile, c.markers);
  if (existing.stale) log('removed a stale pid file');

  if (existing.pid !== undefined) {
    const pid = existing.pid;
    try {
      await waitForHealthy(() => c.probe(3000), {
        timeoutMs,
        stillAlive: () => isOurProcess(pid, c.markers),
      });
      log(`already running  pid ${pid}  ${c.host}:${clientPort}`);
      return pid;
    } catch (err) {
      throw new Error(
        `pid ${pid} runs but is not healthy: ${(err as Error).message}\n` +
          `stop it with \`tsx deploy/local/infra.ts down\` and try again\n${logTails(c.logFiles)}`,
      );
    }
  }

  for (const port of c.ports) {
    if (await isPortOpen(c.host, port)) {
      throw new Error(
        `port ${port} on ${c.host} is already in use by a process this script did not start; ` +
          'stop it or choose other ports ' +
          '(ENLACE_KAFKA_PORT, ENLACE_KAFKA_CONTROLLER_PORT, ENLACE_KAFKA_TLS_PORT, ENLACE_POSTGRES_PORT)',
      );
    }
  }

  await c.prepare(log);
  const started = Date.now();
  const pid = await c.start(log);
  try {
    await waitForHealthy(() => c.probe(3000), {
      timeoutMs,
      // not by its markers: the command line of a process that is still exec'ing reads empty
      stillAlive: () => isRunning(pid),
    });
  } catch (err) {
    await stopProcess(pid, 'just-spawned', 5000, c.stopSignal);
    removeFile(c.pidFile);
    throw new Error(`${(err as Error).message}\n${logTails(c.logFiles)}`);
  }
  log(`running  pid ${pid}  ${c.host}:${clientPort}  (healthy after ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return pid;
}

function endpoints(ctx: Context): InfraEndpoints {
  const { members } = ctx;
  const tlsPorts = ctx.externalKafka ? [] : members.map((member) => configuredTlsPort(member.paths));
  const tlsPortsKnown = tlsPorts.length > 0 && tlsPorts.every((port) => port !== undefined);
  return {
    kafkaBrokers: ctx.externalKafka ?? members.map((member) => `${HOST}:${member.ports.kafka}`).join(','),
    ...(ctx.externalKafka
      ? {}
      : {
          kafkaSasl: kafkaAdminCredentials(ctx.paths.kafka.adminCredentials),
          ...(tlsPortsKnown && {
            kafkaTls: {
              brokers: tlsPorts.map((port) => `${HOST}:${port}`).join(','),
              caFile: ctx.paths.kafka.tls.caCertificate,
            },
          }),
          kafkaLibsDir: ctx.paths.kafka.libs,
          kafkaLogDir: ctx.paths.kafka.logs,
          kafkaDataDir: ctx.paths.kafka.data,
          kafkaDataDirs: members.map((member) => member.paths.kafka.data),
          kafkaClusterSize: ctx.kafkaClusterSize,
        }),
    databaseUrl: ctx.externalPostgres ?? postgresServerUrl(ctx.ports.postgres),
    ...(ctx.externalPostgres ? {} : { postgresDataDir: ctx.paths.postgres.data }),
    external: {
      kafka: ctx.externalKafka !== undefined,
      postgres: ctx.externalPostgres !== undefined,
    },
  };
}

/**
 * Makes sure Kafka and PostgreSQL run and answer (starting whatever is missing; external ones, given by
 * KAFKA_BROKERS / DATABASE_URL, are left alone), writes <home>/infra.json, and returns the endpoints. Throws
 * PrerequisiteError when java/mvn/PostgreSQL is missing, Error otherwise.
 */
export async function ensureInfra(options: EnsureInfraOptions = {}): Promise<InfraEndpoints> {
  const ctx = context(options);
  const leaveStopped = new Set(options.leaveStopped ?? []);
  let local: LocalComponent[] = [];
  if (ctx.externalKafka) ctx.log(`kafka    external  ${ctx.externalKafka}`);
  else local.push(...ctx.brokers);
  if (ctx.externalPostgres) ctx.log(`postgres external  ${maskCredentials(ctx.externalPostgres)}`);
  else local.push(ctx.postgres);
  local = local.filter((c) => !leaveStopped.has(c.name));

  const pids: Record<string, number> = {};
  if (local.length > 0) {
    await withLock(
      ctx.paths.lockFile,
      async () => {
        // check every needed tool first, so one message names all that is missing
        const needed: Tool[] = [];
        for (const c of local) {
          if (livePid(c.pidFile, c.markers).pid === undefined) needed.push(...c.toolsNeeded());
        }
        requireTools(needed, ctx.env);

        const results = await Promise.allSettled(local.map((c) => ensureComponent(c, ctx)));
        const failures: string[] = [];
        results.forEach((r, i) => {
          const c = local[i] as LocalComponent;
          if (r.status === 'fulfilled') pids[c.name] = r.value;
          else failures.push(`${c.name}: ${(r.reason as Error).message}`);
        });
        if (failures.length > 0) throw new Error(failures.join('\n\n'));
      },
      { log: ctx.log },
    );
  }

  const result = endpoints(ctx);
  fs.mkdirSync(ctx.paths.home, { recursive: true });
  fs.writeFileSync(
    ctx.paths.infraJson,
    `${JSON.stringify(
      {
        ...result,
        kafkaSasl: result.kafkaSasl && { ...result.kafkaSasl, password: '***' },
        databaseUrl: maskCredentials(result.databaseUrl),
        pids,
        ports: ctx.ports,
        updatedAt: new Date().toISOString(),
      },
      null,
      2,
    )}\n`,
  );
  return result;
}

/**
 * Stops the local Kafka and PostgreSQL processes (SIGTERM, SIGINT for PostgreSQL's fast shutdown; then
 * SIGKILL after ~20 s). Safe when nothing runs.
 */
export async function stopInfra(options: InfraOptions = {}): Promise<void> {
  const ctx = context(options);
  await withLock(
    ctx.paths.lockFile,
    async () => {
      await Promise.all(
        [...ctx.brokers, ctx.postgres].map(async (c) => {
          const log = prefixed(ctx.log, c.name);
          const { pid, stale } = livePid(c.pidFile, c.markers);
          if (pid === undefined) {
            log(stale ? 'not running (removed a stale pid file)' : 'not running');
            return;
          }
          log(`stopping pid ${pid}...`);
          const started = Date.now();
          const how = await stopProcess(pid, c.markers, 20_000, c.stopSignal);
          removeFile(c.pidFile);
          log(
            `${how === 'killed' ? 'killed (did not stop within 20 s)' : 'stopped'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
          );
        }),
      );
      removeFile(ctx.paths.infraJson);
    },
    { log: ctx.log },
  );
}

/**
 * Stops one local component (its stop signal, then SIGKILL after 20 s; `kill`: SIGKILL at once, as in a crash) and
 * leaves the others running; `ensureInfra` starts it again. For fault-injection tests. Returns whether it ran.
 */
export async function stopInfraComponent(
  name: ComponentName,
  options: InfraOptions & { kill?: boolean } = {},
): Promise<boolean> {
  const ctx = context(options);
  const component = [...ctx.brokers, ctx.postgres].find((c) => c.name === name);
  if (!component) throw new Error(`no local component ${name} (the cluster has ${ctx.kafkaClusterSize} broker(s))`);
  return withLock(
    ctx.paths.lockFile,
    async () => {
      const { pid } = livePid(component.pidFile, component.markers);
      if (pid === undefined) return false;
      if (options.kill) process.kill(pid, 'SIGKILL');
      await stopProcess(pid, component.markers, options.kill ? 5_000 : 20_000, component.stopSignal);
      removeFile(component.pidFile);
      return true;
    },
    { log: ctx.log },
  );
}

async function componentStatus(c: LocalComponent): Promise<ComponentStatus> {
  const port = c.ports[0] as number;
  const endpoint = `${c.host}:${port}`;
  const { pid, stale } = livePid(c.pidFile, c.markers);
  if (pid === undefined) {
    const inUse = await isPortOpen(c.host, port, 500);
    const detail = [stale ? 'removed a stale pid file' : '', inUse ? 'port in use by another process' : '']
      .filter(Boolean)
      .join('; ');
    return { name: c.name, state: 'stopped', port, endpoint, ...(detail ? { detail } : {}) };
  }
  try {
    await c.probe(2000);
    return { name: c.name, state: 'running', pid, port, endpoint };
  } catch (err) {
    return { name: c.name, state: 'unhealthy', pid, port, endpoint, detail: (err as Error).message };
  }
}

/** Reports each component: running / unhealthy / stopped / external, with pid and port. Never starts anything. */
export async function infraStatus(options: InfraOptions = {}): Promise<InfraStatus> {
  const ctx = context(options);
  const [first, ...others] = ctx.brokers as [LocalComponent, ...LocalComponent[]];
  const [kafka, postgres, ...otherBrokers] = await Promise.all([
    ctx.externalKafka
      ? Promise.resolve<ComponentStatus>({ name: 'kafka', state: 'external', endpoint: ctx.externalKafka })
      : componentStatus(first),
    ctx.externalPostgres
      ? Promise.resolve<ComponentStatus>({
          name: 'postgres',
          state: 'external',
          endpoint: maskCredentials(ctx.externalPostgres),
          detail: 'DATABASE_URL',
        })
      : componentStatus(ctx.postgres),
    ...(ctx.externalKafka ? [] : others.map((c) => componentStatus(c))),
  ]);
  return { home: ctx.paths.home, kafka, otherBrokers, postgres };
}

/** One line per component, for the CLI. */
export function formatStatus(status: InfraStatus): string {
  return [status.kafka, ...status.otherBrokers, status.postgres]
    .map((s) =>
      [
        s.name.padEnd(8),
        s.state.padEnd(9),
        (s.pid !== undefined ? `pid ${s.pid}` : '').padEnd(11),
        s.endpoint,
        s.detail ? `(${s.detail})` : '',
      ]
        .join(' ')
        .trimEnd(),
    )
    .concat(`state folder: ${displayPath(status.home)}`)
    .join('\n');
}

function displayPath(p: string): string {
  const relative = path.relative(process.cwd(), p);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? p : relative;
}
