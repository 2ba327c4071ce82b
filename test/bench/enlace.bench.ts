// npm run bench — prints one JSON document: Enlace end to end against the raw broker on the same machine.
// Every node runs as two processes (node-api, courier), as in production. Shorter runs for development:
// BENCH_SECONDS (default 60) sustained throughput, BENCH_LATENCY_SECONDS (default 20) each fixed-rate run,
// BENCH_CATCHUP (default 100000) envelopes waiting for the offline node, BENCH_CATCHUP_TIMEOUT_SECONDS (default 900),
// BENCH_CONCURRENCY (default 16) requests in flight, BENCH_LARGE_CASES (default 100000) cases in the large node,
// BENCH_LATENCY_RATES (50,500), BENCH_SKIP (comma list of: baseline,two,latency,five,catchup,large).
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ensureInfra,
  startLocalNetwork,
  type InfraEndpoints,
  type LocalNetwork,
  type LocalNode,
  findFreeBasePort,
  networkPortOffsets,
} from '@enlace/local-infra';
import { createKafkaClient, parseBrokerList } from '@enlace/messaging';
import { loadKeyEncryptionKey } from '@enlace/privacy';
import { NodeApiClient } from '@enlace/testing';
import { NodeDatabase, createPostgresDatabase } from '@enlace/store';
import type { Kysely } from 'kysely';
import { ArrivalTracker } from './arrival-tracker';
import { percentile, round } from './bench-stats';
import { catchUp } from './catch-up';
import { largeNode } from './large-node';
import { CpuMeter } from './process-cpu';
import { PeakMemorySampler, memorySnapshot, processesOf } from './process-memory';
import { rawKafkaThroughput } from './raw-kafka.baseline';
import { stageBreakdown } from './stage-breakdown';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 60);
const LATENCY_SECONDS = Number(process.env['BENCH_LATENCY_SECONDS'] ?? 20);
/** The fixed rates of the latency part, per second (BENCH_LATENCY_RATES, comma list). */
const LATENCY_RATES = (process.env['BENCH_LATENCY_RATES'] ?? '50,500').split(',').map(Number);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const CATCH_UP = Number(process.env['BENCH_CATCHUP'] ?? 100_000);
const CATCH_UP_TIMEOUT = Number(process.env['BENCH_CATCHUP_TIMEOUT_SECONDS'] ?? 900);
const LARGE_CASES = Number(process.env['BENCH_LARGE_CASES'] ?? 100_000);
const SKIP = new Set((process.env['BENCH_SKIP'] ?? '').split(',').filter(Boolean));
const COUNTRIES = ['CO', 'EC', 'PE', 'BO', 'AR'] as const;

const referral = (toCountry: string) => ({
  toCountry,
  reason: 'AdditionalServicesRequired',
  reasonDetails: 'x'.repeat(600),
  servicesRequested: ['Health', 'SocialCare', 'Legal'],
  urgency: 'high',
  person: { firstName: 'Bench', secondName: 'Person', birthdate: '1999-04-02', gender: 'Female', nationality: 'CO' },
  consent: { purpose: 'Benchmark', scope: ['identity', 'health'], recordedAt: '2025-01-01T00:00:00Z' },
});

const failures = new Map<string, number>();
function noteFailure(error: Error & { cause?: Error }): undefined {
  const reason = `${error.message}${error.cause ? `: ${error.cause.message}` : ''}`;
  failures.set(reason, (failures.get(reason) ?? 0) + 1);
  return undefined;
}

const load = () => os.loadavg().map((value) => round(value, 2));

/** Runs one part of the bench; a part that fails is reported in the JSON instead of losing the others. */
async function part<T>(name: string, run: () => Promise<T>): Promise<T | { failed: string } | undefined> {
  if (SKIP.has(name)) return undefined;
  try {
    return await run();
  } catch (error) {
    return { failed: (error as Error).message };
  }
}

interface Sender {
  readonly country: string;
  readonly api: NodeApiClient;
  /** Where this sender's requests go, in turn. */
  readonly to: readonly string[];
}

/**
 * Senders post referrals for SECONDS with CONCURRENCY requests in flight in all; each referral is then looked up
 * by id at its addressee until it is there. End to end = arrived / (last arrival − start).
 */
async function throughput(senders: readonly Sender[], trackers: Map<string, ArrivalTracker>, net: LocalNetwork) {
  const sampler = new PeakMemorySampler(processesOf(net)).start();
  const cpu = await new CpuMeter(
    processesOf(net),
    net.nodes.map((node) => node.dbName),
  ).start();
  const started = Date.now();
  let posted = 0;
  let failed = 0;
  const perSender = Math.max(1, Math.round(CONCURRENCY / senders.length));
  const watching = (async () => {
    while (Date.now() - started < SECONDS * 1000) {
      for (const tracker of trackers.values()) await tracker.poll();
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  await Promise.all(
    senders.flatMap((sender) =>
      Array.from({ length: perSender }, async (_, worker) => {
        let turn = worker;
        while (Date.now() - started < SECONDS * 1000) {
          const to = sender.to[turn++ % sender.to.length] as string;
          const response = await sender.api
            .request<{ id: string }>('POST', '/referrals', referral(to))
            .catch(noteFailure);
          if (response?.status === 201) {
            posted++;
            trackers.get(to)?.expect(response.body.id);
          } else failed++;
        }
      }),
    ),
  );
  const postingSeconds = (Date.now() - started) / 1000;
  await watching;
  await Promise.all([...trackers.values()].map((tracker) => tracker.drain(300_000)));
  const memoryUnderLoadMb = await sampler.stop();
  const arrivals = [...trackers.values()].flatMap((tracker) => [...tracker.arrivedAt.values()]);
  const cpuMsPerArrived = await cpu.stop(Math.max(1, arrivals.length));
  const last = arrivals.length > 0 ? Math.max(...arrivals) : Date.now();
  const endToEndSeconds = (last - started) / 1000;
  return {
    senders: senders.map((sender) => `${sender.country}->${sender.to.join('+')}`),
    posted,
    failed,
    arrived: arrivals.length,
    postingSeconds: round(postingSeconds),
    lastArrivalAfterSeconds: round(endToEndSeconds),
    apiPerSecond: round(posted / postingSeconds),
    endToEndPerSecond: round(arrivals.length / endToEndSeconds),
    memoryUnderLoadPeakMb: memoryUnderLoadMb,
    cpuMsPerArrived,
    loadAverageAfter: load(),
  };
}

async function latencyAt(
  rate: number,
  co: NodeApiClient,
  coDb: Kysely<NodeDatabase>,
  ec: Kysely<NodeDatabase>,
  net: LocalNetwork,
) {
  const sampler = new PeakMemorySampler(processesOf(net)).start();
  const cpu = await new CpuMeter(
    processesOf(net),
    net.nodes.map((node) => node.dbName),
  ).start();
  const tracker = new ArrivalTracker(ec);
  const sentAt = new Map<string, number>();
  /** Answers other than 201 by status: 503 is the node shedding load (it takes 64 requests at once). */
  const refused = new Map<number, number>();
  const started = Date.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < rate * LATENCY_SECONDS; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const at = Date.now();
    inFlight.push(
      co
        .request<{ id: string }>('POST', '/referrals', referral('EC'))
        .then((response) => {
          if (response.status !== 201) {
            refused.set(response.status, (refused.get(response.status) ?? 0) + 1);
            return;
          }
          sentAt.set(response.body.id, at);
          tracker.expect(response.body.id);
        })
        .catch(noteFailure),
    );
    if (i % rate === 0) void tracker.poll();
  }
  await Promise.all(inFlight);
  const postedSeconds = (Date.now() - started) / 1000;
  await tracker.drain(120_000);
  const memoryUnderLoadPeakMb = await sampler.stop();
  const cpuMsPerArrived = await cpu.stop(Math.max(1, tracker.arrivedAt.size));
  const samples = [...tracker.arrivedAt].map(([id, at]) => at - (sentAt.get(id) ?? at));
  return {
    ratePerSecond: rate,
    achievedPerSecond: round(sentAt.size / postedSeconds),
    sent: sentAt.size,
    refusedByStatus: Object.fromEntries(refused),
    arrived: samples.length,
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    p99Ms: percentile(samples, 99),
    stages: await stageBreakdown(coDb, ec, [...tracker.arrivedAt.keys()]),
    memoryUnderLoadPeakMb,
    cpuMsPerArrived,
    loadAverageAfter: load(),
  };
}

/** The bench's own view of a node's database: a small pool, named in pg_stat_activity. */
function openDatabase(url: string): Promise<Kysely<NodeDatabase>> {
  return createPostgresDatabase<NodeDatabase>({ url, maxConnections: 4, applicationName: 'enlace-bench' });
}

/** The large node gets a network of its own (CO sending to EC), so that its node starts empty whatever ran before. */
async function largeNodeOnItsOwnNetwork(infra: InfraEndpoints, network: string, home: string) {
  const net = await startLocalNetwork({
    network: `${network}large`,
    members: ['CO', 'EC'].map((country) => ({ country, organisations: [country] })),
    home,
    basePort: await findFreeBasePort(networkPortOffsets(5)),
    mode: 'separate',
    infra,
  });
  const ec = net.nodes.find((node) => node.country === 'EC') as LocalNode;
  const receiverDb = await openDatabase(ec.databaseUrl);
  try {
    const [sender, receiver] = await Promise.all(
      ['CO', 'EC'].map(async (country) => {
        const node = net.nodes.find((candidate) => candidate.country === country) as LocalNode;
        const focal = net.users.find((user) => user.username === `${country.toLowerCase()}.focal`);
        if (!focal) throw new Error(`no focal point user for ${country}`);
        return new NodeApiClient(node.apiUrl).login(focal.username, focal.password);
      }),
    );
    const auditor = net.users.find((user) => user.username === 'ec.auditor');
    if (!auditor) throw new Error('no auditor user for EC');
    const ecNode = net.nodes.find((candidate) => candidate.country === 'EC') as LocalNode;
    return await largeNode({
      sender: sender as NodeApiClient,
      receiver: receiver as NodeApiClient,
      receiverAuditor: await new NodeApiClient(ecNode.apiUrl).login(auditor.username, auditor.password),
      receiverCountry: 'EC',
      receiverDb,
      receiverKek: await loadKeyEncryptionKey(ec.spec.env['ENLACE_CASE_KEK_FILE'] as string),
      receiverProcesses: processesOf(net).filter((process) => process.name.startsWith('EC/')),
      receiverDbName: ec.dbName,
      largeCases: LARGE_CASES,
      referral,
    });
  } finally {
    await receiverDb.destroy();
    await net.stop({ dropDatabases: true });
  }
}

async function main(): Promise<void> {
  const loadAtStart = load();
  const infra = await ensureInfra({ log: () => undefined });
  const kafka = createKafkaClient({
    brokers: parseBrokerList(infra.kafkaBrokers),
    clientId: 'bench',
    ...(infra.kafkaSasl && { sasl: infra.kafkaSasl }),
  });
  const baseline = await part('baseline', () => rawKafkaThroughput(kafka, `bench-raw-${randomUUID()}`, 2048, SECONDS));

  const network = `bench${Date.now().toString(36)}`;
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'enlace-bench-'));
  const net = await startLocalNetwork({
    network,
    members: COUNTRIES.map((country) => ({ country, organisations: [country] })),
    home,
    basePort: await findFreeBasePort(networkPortOffsets(5)),
    mode: 'separate',
    infra,
  });
  const dbs = new Map<string, Kysely<NodeDatabase>>();
  for (const node of net.nodes) dbs.set(node.country, await openDatabase(node.databaseUrl));
  const result: Record<string, unknown> = {};
  try {
    const apis = new Map<string, NodeApiClient>();
    for (const node of net.nodes) {
      const focal = net.users.find((user) => user.username === `${node.country.toLowerCase()}.focal`);
      if (!focal) throw new Error(`no focal point user for ${node.country}`);
      apis.set(node.country, await new NodeApiClient(node.apiUrl).login(focal.username, focal.password));
    }
    const api = (country: string) => apis.get(country) as NodeApiClient;
    const db = (country: string) => dbs.get(country) as Kysely<NodeDatabase>;
    const warmUp = new ArrivalTracker(db('EC'));
    const first = await api('CO').request<{ id: string }>('POST', '/referrals', referral('EC'));
    warmUp.expect(first.body.id);
    await warmUp.drain(60_000);
    const memoryIdleMb = await memorySnapshot(processesOf(net));

    const atEc = new ArrivalTracker(db('EC'));
    const twoNodes = await part('two', async () => ({
      ...(await throughput([{ country: 'CO', api: api('CO'), to: ['EC'] }], new Map([['EC', atEc]]), net)),
      stages: await stageBreakdown(db('CO'), db('EC'), [...atEc.arrivedAt.keys()]),
    }));
    const latency = await part('latency', async () => {
      const rates = [];
      for (const rate of LATENCY_RATES) rates.push(await latencyAt(rate, api('CO'), db('CO'), db('EC'), net));
      return rates;
    });
    const fiveNodes = await part('five', () =>
      throughput(
        COUNTRIES.map((country) => ({
          country,
          api: api(country),
          to: COUNTRIES.filter((other) => other !== country),
        })),
        new Map(COUNTRIES.map((country) => [country, new ArrivalTracker(db(country))])),
        net,
      ),
    );
    const node = (country: string) => net.nodes.find((candidate) => candidate.country === country);
    const catchUpResult = await part('catchup', () =>
      catchUp({
        net,
        kafka,
        from: node('CO') as (typeof net.nodes)[number],
        to: node('EC') as (typeof net.nodes)[number],
        toDb: db('EC'),
        count: CATCH_UP,
        timeoutSeconds: CATCH_UP_TIMEOUT,
      }),
    );
    const large = await part('large', () => largeNodeOnItsOwnNetwork(infra, network, home));

    Object.assign(result, {
      machine: { cpus: os.cpus().length, node: process.version, loadAverageAtStart: loadAtStart },
      processes: 'each node: node-api and courier, separate processes',
      seconds: SECONDS,
      concurrency: CONCURRENCY,
      baselineRawKafka2KB: baseline,
      twoNodes,
      ratioToRawKafka:
        twoNodes && baseline && 'perSecond' in baseline && 'endToEndPerSecond' in twoNodes
          ? round(twoNodes.endToEndPerSecond / baseline.perSecond, 3)
          : undefined,
      latencyApiToPersistedArrival: latency,
      fiveNodes,
      catchUp: catchUpResult,
      largeNode: large,
      memoryIdleMb,
      requestFailures: Object.fromEntries(failures),
      loadAverageAtEnd: load(),
    });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await Promise.all([...dbs.values()].map((connection) => connection.destroy()));
    await net.stop({ dropDatabases: true });
    await fs.rm(home, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench: ${error.message}`);
    process.exit(1);
  },
);
