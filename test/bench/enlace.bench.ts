// npm run bench — prints one JSON document: Enlace end to end against the raw broker on the same machine.
// BENCH_SECONDS (default 60) sets how long throughput is sustained; BENCH_LATENCY_SECONDS (default 20) each
// fixed-rate latency run.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureInfra, startLocalNetwork, type LocalNetwork } from '@enlace/local-infra';
import { createKafkaClient, parseBrokerList } from '@enlace/messaging';
import { NodeApiClient } from '@enlace/testing';
import mongoose, { Connection } from 'mongoose';
import { percentile, residentMb, round } from './bench-stats';
import { rawKafkaThroughput } from './raw-kafka.baseline';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 60);
const LATENCY_SECONDS = Number(process.env['BENCH_LATENCY_SECONDS'] ?? 20);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16);

const referral = () => ({
  toCountry: 'EC',
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

async function memory(net: LocalNetwork): Promise<Record<string, number | null>> {
  const entries = await Promise.all(
    net.nodes.flatMap((node) =>
      node.pids.map(
        async (pid, i) => [`${node.country}${node.pids.length > 1 ? `-${i}` : ''}`, await residentMb(pid)] as const,
      ),
    ),
  );
  return Object.fromEntries(entries);
}

/** Referrals persisted at EC (all of them, or those named). EC only receives here, so a plain count will do. */
async function arrived(ec: Connection, ids?: readonly string[]): Promise<number> {
  if (!ids) return ec.collection('referrals').estimatedDocumentCount();
  const found = await ec
    .collection<{ _id: string }>('referrals')
    .find({ _id: { $in: [...ids] } }, { projection: { _id: 1 } })
    .toArray();
  return found.length;
}

async function waitForArrivals(ec: Connection, expected: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let count = await arrived(ec);
  while (count < expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    count = await arrived(ec);
  }
  return count;
}

async function throughput(co: NodeApiClient, ec: Connection, net: LocalNetwork) {
  const before = await arrived(ec);
  const started = Date.now();
  let posted = 0;
  let failed = 0;
  let underLoad: Record<string, number | null> = {};
  const sampler = setTimeout(async () => (underLoad = await memory(net)), (SECONDS * 1000) / 2);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() - started < SECONDS * 1000) {
        const response = await co.request('POST', '/referrals', referral()).catch(noteFailure);
        if (response?.status === 201) posted++;
        else failed++;
      }
    }),
  );
  const postingSeconds = (Date.now() - started) / 1000;
  const count = (await waitForArrivals(ec, before + posted, 300_000)) - before;
  const elapsed = (Date.now() - started) / 1000;
  clearTimeout(sampler);
  return {
    posted,
    failed,
    arrived: count,
    postingSeconds: round(postingSeconds),
    drainedAfterSeconds: round(elapsed),
    apiPerSecond: round(posted / postingSeconds),
    endToEndPerSecond: round(count / elapsed),
    memoryUnderLoadMb: underLoad,
  };
}

async function latencyAt(rate: number, co: NodeApiClient, ec: Connection) {
  const sentAt = new Map<string, number>();
  const started = Date.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < rate * LATENCY_SECONDS; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const at = Date.now();
    inFlight.push(
      co
        .request<{ id: string }>('POST', '/referrals', referral())
        .then((response) => {
          if (response.status === 201) sentAt.set(response.body.id, at);
        })
        .catch(noteFailure),
    );
  }
  await Promise.all(inFlight);
  const ids = [...sentAt.keys()];
  const deadline = Date.now() + 120_000;
  while ((await arrived(ec, ids)) < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const docs = await ec
    .collection<{ _id: string; createdAt: Date }>('referrals')
    .find({ _id: { $in: ids } }, { projection: { createdAt: 1 } })
    .toArray();
  const samples = docs.map((doc) => doc.createdAt.getTime() - (sentAt.get(doc._id) ?? 0));
  return {
    ratePerSecond: rate,
    achievedPerSecond: round(ids.length / ((Date.now() - started) / 1000)),
    sent: ids.length,
    arrived: docs.length,
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    p99Ms: percentile(samples, 99),
  };
}

async function main(): Promise<void> {
  const infra = await ensureInfra({ log: () => undefined });
  const network = `bench${Date.now().toString(36)}`;
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'enlace-bench-'));
  const net = await startLocalNetwork({
    network,
    members: [
      { country: 'CO', organisations: ['CO'] },
      { country: 'EC', organisations: ['EC'] },
    ],
    home,
    basePort: 21000 + Math.floor(Math.random() * 5000),
    mode: 'combined',
    infra,
  });
  const ec = await mongoose.createConnection(infra.mongodbUri, { dbName: net.nodes[1]?.dbName }).asPromise();
  try {
    const focal = net.users.find((user) => user.username === 'co.focal');
    if (!focal || !net.nodes[0]) throw new Error('no CO node or user');
    const co = await new NodeApiClient(net.nodes[0].apiUrl).login(focal.username, focal.password);
    await co.request('POST', '/referrals', referral()); // warm-up
    await waitForArrivals(ec, 1, 30_000);
    const memoryIdleMb = await memory(net);

    const kafka = createKafkaClient({
      brokers: parseBrokerList(infra.kafkaBrokers),
      clientId: 'bench',
      ...(infra.kafkaSasl && { sasl: infra.kafkaSasl }),
    });
    const baseline = await rawKafkaThroughput(kafka, `bench-raw-${randomUUID()}`, 2048, SECONDS);
    const twoNodes = await throughput(co, ec, net);
    const latency = [await latencyAt(50, co, ec), await latencyAt(500, co, ec)];

    console.log(
      JSON.stringify(
        {
          machine: { cpus: os.cpus().length, node: process.version },
          seconds: SECONDS,
          concurrency: CONCURRENCY,
          baselineRawKafka2KB: baseline,
          twoNodes,
          ratioToRawKafka: round(twoNodes.endToEndPerSecond / baseline.perSecond, 3),
          latencyApiToPersistedArrival: latency,
          memoryIdleMb,
          requestFailures: Object.fromEntries(failures),
          notYetMeasured: ['five nodes', 'catch-up of 100,000 envelopes'],
        },
        null,
        2,
      ),
    );
  } finally {
    await ec.close();
    await net.stop();
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
