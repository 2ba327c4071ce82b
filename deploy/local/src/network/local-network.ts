import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import {
  DirectoryEntryPublisher,
  KafkaEnvelopePublisher,
  createKafkaClient,
  kafkaSaslEnv,
  parseBrokerList,
  applyNetworkAcls,
  networkAcls,
  provisionNetworkTopics,
} from '@enlace/messaging';
import { nodeDatabaseName } from '@enlace/store';
import type { InfraEndpoints } from '../infra-control';
import { dropDatabase, ensureDatabase } from '../postgres-databases';
import { HOST } from '../paths';
import { upsertScramUsers } from '../scram-users';
import { brokerLinkEnv } from './broker-link';
import { NetworkPrincipals, ensurePrincipalCredentials } from './kafka-principals';
import { DemoUser, NetworkMaterial, NetworkMember, ensureNetworkMaterial } from './network-material';
import { COURIER_PORT_OFFSET } from './free-ports';
import {
  NodeProcessMode,
  NodeProcessSpec,
  startNodeProcesses,
  stopNodeProcesses,
  waitForNodeApi,
} from './node-processes';

export interface LocalNetworkOptions {
  readonly network: string;
  readonly members: readonly NetworkMember[];
  /** State folder of this network: keys, users, pid files, logs. */
  readonly home: string;
  /** The first country's API listens on basePort + 1, the next on basePort + 2, ... */
  readonly basePort: number;
  /** One mode for all, or per country. */
  readonly mode?: NodeProcessMode | Readonly<Record<string, NodeProcessMode>>;
  /** With kafkaSasl and kafkaLibsDir (the local broker), each principal gets its SCRAM user and ACLs. */
  readonly infra: Pick<
    InfraEndpoints,
    'kafkaBrokers' | 'databaseUrl' | 'kafkaSasl' | 'kafkaLibsDir' | 'kafkaTls' | 'kafkaClusterSize'
  >;
  /**
   * The nodes reach the broker through its TLS listener (infra.kafkaTls: KAFKA_BROKERS, KAFKA_SSL=true and
   * KAFKA_SSL_CA_FILE), as a network's nodes do in production. The launcher itself provisions over the plain one.
   */
  readonly overTls?: boolean;
  /** Extra environment for every node (e.g. a shorter deadline watch in tests). */
  readonly env?: Readonly<Record<string, string>>;
}

export interface LocalNode {
  readonly country: string;
  readonly apiUrl: string;
  readonly docsUrl: string;
  /**
   * Where Prometheus scrapes the node: its API's /metrics, and its courier's when the courier runs apart (in one
   * process, the API's /metrics has both). The probes (/health/live, /health/ready) are beside each.
   */
  readonly metricsUrls: readonly string[];
  /** The courier's own probes and metrics, when it runs apart (separate mode). */
  readonly courierUrl?: string;
  /** The node's own database on the server (made by the launcher; its schema is the node's to migrate). */
  readonly dbName: string;
  /** The URL its processes get as DATABASE_URL. */
  readonly databaseUrl: string;
  readonly spec: NodeProcessSpec;
  /** Operating-system processes of the node (one, or two in separate mode). */
  readonly pids: readonly number[];
}

export interface LocalNetwork {
  readonly network: string;
  readonly nodes: readonly LocalNode[];
  readonly users: readonly DemoUser[];
  readonly directoryFile: string;
  /** What every node trusts: the public keys of the network's trust anchors. */
  readonly trustAnchorsFile: string;
  /** The network's directory authority (see `enlace directory`, apps/cli): issue, rotate, revoke, publish. */
  readonly authorityDir: string;
  /** The network's principals on the broker, when it authenticates (the local broker does). */
  readonly kafkaPrincipals?: NetworkPrincipals;
  /** Stops every node; with `dropDatabases`, drops their databases too (a test leaves the server as it found it). */
  stop(options?: { dropDatabases?: boolean }): Promise<void>;
}

/**
 * Starts a network of country nodes as local processes on the given infrastructure: their keys, directory and
 * users are made once and kept under `home`; topics are created; each node's database is made on the server (its
 * processes migrate it); every node API is healthy on return.
 */
export async function startLocalNetwork(options: LocalNetworkOptions): Promise<LocalNetwork> {
  const materialDir = path.join(options.home, 'network', options.network);
  const runDir = path.join(options.home, 'run');
  const logDir = path.join(options.home, 'logs');
  await fs.mkdir(runDir, { recursive: true });
  const material = await ensureNetworkMaterial(materialDir, options.network, options.members);

  const kafka = createKafkaClient({
    brokers: parseBrokerList(options.infra.kafkaBrokers),
    clientId: 'enlace-launcher',
    ...(options.infra.kafkaSasl && { sasl: options.infra.kafkaSasl }),
  });
  const countries = options.members.map((m) => m.country);
  // on a local cluster of three brokers every partition has three copies (two in sync for a write, as the brokers say)
  await provisionNetworkTopics(kafka, {
    network: options.network,
    countries,
    replicationFactor: options.infra.kafkaClusterSize ?? 1,
  });
  const principals = await provisionPrincipals(options, kafka, path.join(materialDir, 'kafka'), countries);
  await publishDirectory(kafka, options.network, material.entries);

  const databaseUrls = new Map<string, string>();
  for (const { country } of options.members) {
    databaseUrls.set(
      country,
      await ensureDatabase(options.infra.databaseUrl, nodeDatabaseName(options.network, country)),
    );
  }
  const planned = options.members.map((member, index) => {
    const httpPort = options.basePort + index + 1;
    const mode = typeof options.mode === 'string' ? options.mode : (options.mode?.[member.country] ?? 'combined');
    const dbName = nodeDatabaseName(options.network, member.country);
    const databaseUrl = databaseUrls.get(member.country) as string;
    const courierHttpPort = mode === 'separate' ? httpPort + COURIER_PORT_OFFSET : undefined;
    const spec: NodeProcessSpec = {
      country: member.country,
      network: options.network,
      httpPort,
      ...(courierHttpPort !== undefined && { courierHttpPort }),
      mode,
      runDir,
      logDir,
      env: {
        ENLACE_COUNTRY: member.country,
        ENLACE_NETWORK: options.network,
        ENLACE_HTTP_HOST: HOST,
        ...brokerLinkEnv(options.infra, options.overTls),
        ...countryCredentials(principals, member.country),
        DATABASE_URL: databaseUrl,
        ENLACE_JWT_SECRET: material.jwtSecret(member.country),
        ENLACE_USERS_FILE: material.usersFile(member.country),
        ENLACE_TRUST_ANCHORS_FILE: material.trustAnchorsFile,
        ENLACE_KEYS_FILE: material.keysFile(member.country),
        ENLACE_CASE_KEK_FILE: material.caseKekFile(member.country),
        ENLACE_AUDIT_KEY_FILE: material.auditKeyFile(member.country),
        ...(member.agencies?.length
          ? { ENLACE_AGENCIES: member.agencies.join(','), ENLACE_GATEWAY_AGENCY: member.agencies[0] as string }
          : {}),
        // the console's server, on this machine, forwards each browser's address for the sign-in budgets
        ENLACE_TRUSTED_PROXIES: 'loopback',
        ...options.env,
      },
    };
    const apiUrl = `http://${HOST}:${httpPort}`;
    const courierUrl = courierHttpPort === undefined ? undefined : `http://${HOST}:${courierHttpPort}`;
    const metricsUrls = [apiUrl, ...(courierUrl === undefined ? [] : [courierUrl])].map((url) => `${url}/metrics`);
    return {
      country: member.country,
      apiUrl,
      docsUrl: `${apiUrl}/docs`,
      metricsUrls,
      ...(courierUrl !== undefined && { courierUrl }),
      dbName,
      databaseUrl,
      spec,
    };
  });

  const nodes: LocalNode[] = [];
  for (const node of planned) nodes.push({ ...node, pids: await startNodeProcesses(node.spec) });
  await Promise.all(nodes.map((node) => waitForNodeApi(node.apiUrl, 60_000, node.spec)));

  return {
    network: options.network,
    nodes,
    users: material.users,
    directoryFile: material.directoryFile,
    trustAnchorsFile: material.trustAnchorsFile,
    authorityDir: material.authorityDir,
    ...(principals && { kafkaPrincipals: principals }),
    stop: async (stopOptions) => {
      await Promise.all(nodes.map((node) => stopNodeProcesses(node.spec)));
      if (stopOptions?.dropDatabases) {
        for (const node of nodes) await dropDatabase(options.infra.databaseUrl, node.dbName);
      }
    },
  };
}

/** Publishes every member's signed entry on the directory topic (compaction keeps the latest per member). */
async function publishDirectory(
  kafka: ReturnType<typeof createKafkaClient>,
  network: string,
  entries: NetworkMaterial['entries'],
): Promise<void> {
  const producer = new KafkaEnvelopePublisher(kafka);
  try {
    await new DirectoryEntryPublisher(producer, network).publish(
      entries.map(({ entry, signed }) => ({ country: entry.country, signed })),
    );
  } finally {
    await producer.disconnect();
  }
}

/** On a broker that authenticates: each principal's SCRAM user (created as the super user) and the network's ACLs. */
async function provisionPrincipals(
  options: LocalNetworkOptions,
  kafka: ReturnType<typeof createKafkaClient>,
  credentialsDir: string,
  countries: readonly string[],
): Promise<NetworkPrincipals | undefined> {
  const { kafkaSasl, kafkaLibsDir, kafkaBrokers } = options.infra;
  if (kafkaSasl === undefined || kafkaLibsDir === undefined) return undefined;
  const principals = await ensurePrincipalCredentials(credentialsDir, options.network, countries);
  await upsertScramUsers({ kafkaBrokers, admin: kafkaSasl, libsDir: kafkaLibsDir }, [
    ...Object.values(principals.countries),
    principals.monitor,
    principals.directoryAuthority,
  ]);
  await applyNetworkAcls(kafka, networkAcls(options.network, countries));
  return principals;
}

/** A node's broker credentials as environment variables: its country's principal, never the super user. */
function countryCredentials(principals: NetworkPrincipals | undefined, country: string): Record<string, string> {
  const credentials = principals?.countries[country];
  return credentials === undefined ? {} : kafkaSaslEnv(credentials);
}
