import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  LocalMonitor,
  LocalNetwork,
  TrafficReport,
  playDemoTraffic,
  startLocalMonitor,
  startLocalNetwork,
  findFreeBasePort,
  networkPortOffsets,
} from '@enlace/local-infra';
import { TopicNames, createKafkaClient, parseBrokerList } from '@enlace/messaging';
import { eventually, readTopicRecords, testInfra } from '@enlace/testing';
import { Client } from 'pg';

/**
 * Keys (of JSON values, and column names in either spelling) that would mean a payload or a person's data was kept:
 * the envelope's sealed part, the person, consent.
 */
const FORBIDDEN_KEYS =
  /^(payload|sealed_?payload|ciphertext|encrypted_?key|protected|iv|tag|person|first_?name|middle_?name|second_?name|birthdate|consent|reason_?details|note|question|answer)$/i;

interface Finding {
  table: string;
  where: string;
  what: string;
}

/** Every key and string of a stored row, its JSON values walked through (binary values read as text too). */
function* walk(value: unknown, where: string): Generator<{ where: string; key?: string; text?: string }> {
  if (typeof value === 'string') yield { where, text: value };
  else if (Buffer.isBuffer(value)) yield { where, text: value.toString('latin1') };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* walk(item, `${where}[${i}]`);
  else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      yield { where: `${where}.${key}`, key };
      yield* walk(item, `${where}.${key}`);
    }
  }
}

describe("the secretariat's monitor keeps no payload and no person (e2e, real Kafka and PostgreSQL)", () => {
  // A marker in every person's names: no other text in the network could hold it.
  const marker = `Privmark${randomBytes(5).toString('hex')}`;
  const infra = testInfra();
  let home: string;
  let network: LocalNetwork;
  let monitor: LocalMonitor;
  let report: TrafficReport;

  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-monitor-privacy-'));
    const basePort = await findFreeBasePort(networkPortOffsets(5));
    network = await startLocalNetwork({
      network: `privacy${Date.now().toString(36)}`,
      members: ['CO', 'EC', 'AR', 'BO'].map((country) => ({ country, organisations: [`${country} focal point`] })),
      home,
      basePort,
      mode: 'combined',
      infra,
    });
    monitor = await startLocalMonitor({
      network: network.network,
      home,
      httpPort: basePort + 50,
      trustAnchorsFile: network.trustAnchorsFile,
      infra,
      ...(network.kafkaPrincipals && { kafkaSasl: network.kafkaPrincipals.monitor }),
    });
  }, 420_000);

  afterAll(async () => {
    await monitor?.stop({ dropDatabase: true });
    await network?.stop({ dropDatabases: true });
    if (home) fs.rmSync(home, { recursive: true, force: true });
  }, 60_000);

  it('should play the seed stories (referrals CO<->EC, returns AR->BO) with the marker in every name', async () => {
    report = await playDemoTraffic({
      description: { nodes: network.nodes, users: network.users },
      ratePerSecond: 1,
      durationSeconds: 6,
      waitTimeoutMs: 120_000,
      personOf: (sequence) => ({ firstName: `${marker}${sequence}`, secondName: `${marker}Surname` }),
    });
    expect(report.failures).toEqual({});
    expect([report.started, report.completed]).toEqual([6, 6]);
    expect(Object.keys(report.byStory).sort()).toEqual([
      'referral-declined CO->EC',
      'referral-served CO->EC',
      'referral-served EC->CO',
      'return-reintegration AR->BO',
    ]);
  }, 420_000);

  it('should have recorded the traffic: the corridors count what crossed them', async () => {
    const token = await fetch(`${monitor.monitorUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: monitor.users[0]?.username, password: monitor.users[0]?.password }),
    }).then(async (response) => ((await response.json()) as { accessToken: string }).accessToken);
    const total = async (from: string, to: string): Promise<number> => {
      const response = await fetch(`${monitor.monitorUrl}/api/v1/flows?from=${from}&to=${to}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const flows = (await response.json()) as { corridors: { total: number }[] };
      return flows.corridors.reduce((sum, corridor) => sum + corridor.total, 0);
    };
    // Every request of a story sent one envelope across (receipts come on top).
    const counted = await eventually(
      async () => {
        const counts = await Promise.all([total('CO', 'EC'), total('EC', 'CO'), total('AR', 'BO'), total('BO', 'AR')]);
        return counts.every((count) => count > 0) && counts.reduce((a, b) => a + b, 0) >= report.requests
          ? counts
          : undefined;
      },
      { what: 'the monitor to count every envelope of the traffic', timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(counted.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(report.requests);
  }, 90_000);

  it("should hold neither the marker nor any payload in any table of the monitor's database", async () => {
    // The sealed parts of what actually crossed: long base64url runs of the envelopes on the inbox topics.
    const kafka = createKafkaClient({
      brokers: parseBrokerList(infra.kafkaBrokers),
      clientId: 'monitor-privacy-test',
      ...(infra.kafkaSasl && { sasl: infra.kafkaSasl }),
    });
    const sealed = new Set<string>();
    for (const country of ['EC', 'BO']) {
      const records = await readTopicRecords(kafka, TopicNames.inbox(network.network, country), 1);
      for (const record of records) {
        for (const run of record.value.toString('utf8').match(/[A-Za-z0-9_-]{64,}/g) ?? []) sealed.add(run);
      }
    }
    expect(sealed.size).toBeGreaterThan(0);

    const db = new Client({ connectionString: monitor.databaseUrl });
    await db.connect();
    const findings: Finding[] = [];
    let rows = 0;
    try {
      const tables = await db.query<{ name: string }>(
        `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
          where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
      );
      expect(tables.rows.map((table) => table.name)).toEqual(expect.arrayContaining([expect.any(String)]));
      for (const { name } of tables.rows) {
        for (const row of (await db.query<Record<string, unknown>>(`select * from ${name}`)).rows) {
          rows += 1;
          for (const { where, key, text } of walk(row, name)) {
            if (key && FORBIDDEN_KEYS.test(key)) findings.push({ table: name, where, what: `key ${key}` });
            if (text?.includes(marker)) findings.push({ table: name, where, what: 'the marker' });
            if (text && [...sealed].some((run) => text.includes(run.slice(0, 64))))
              findings.push({ table: name, where, what: 'sealed payload bytes' });
          }
        }
      }
    } finally {
      await db.end();
    }
    expect(rows).toBeGreaterThan(0);
    expect(findings).toEqual([]);
    expect(fs.readFileSync(monitor.logFile, 'utf8')).not.toContain(marker);
  }, 120_000);

  it("should show every node up from its courier's signed heartbeats, after the traffic", async () => {
    const token = await fetch(`${monitor.monitorUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: monitor.users[0]?.username, password: monitor.users[0]?.password }),
    }).then(async (response) => ((await response.json()) as { accessToken: string }).accessToken);
    const statuses = await eventually(
      async () => {
        const response = await fetch(`${monitor.monitorUrl}/api/v1/nodes`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const { items } = (await response.json()) as { items: { country: string; status: string }[] };
        const byCountry = Object.fromEntries(items.map((item) => [item.country, item.status]));
        return network.nodes.every((node) => byCountry[node.country] === 'up') ? byCountry : undefined;
      },
      { what: 'every node up on the monitor', timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(Object.keys(statuses).sort()).toEqual(network.nodes.map((node) => node.country).sort());
  }, 90_000);

  it('should answer the probes and serve metrics, the monitor and each combined node alike, naming no person', async () => {
    const ready = await fetch(`${monitor.monitorUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      info: { 'monitor.database': { status: 'up' }, 'monitor.broker': { status: 'up' } },
    });
    const monitorMetrics = await (await fetch(`${monitor.monitorUrl}/metrics`)).text();
    expect(monitorMetrics).toContain('enlace_http_request_duration_seconds_count{method="GET",route="/api/v1/flows"');
    // every courier's heartbeats are signed with its node's key and verify against the monitor's directory
    expect(monitorMetrics).toContain('# HELP enlace_monitor_statements_refused_total ');
    expect(monitorMetrics).not.toMatch(/enlace_monitor_statements_refused_total\{/);
    expect(monitorMetrics).not.toContain('enlace_envelopes_sent_total');
    for (const node of network.nodes) {
      // node-api and the courier in one process: one probe answers for both, one /metrics holds both's metrics.
      const nodeReady = (await (await fetch(`${node.apiUrl}/health/ready`)).json()) as { info: object };
      expect(Object.keys(nodeReady.info).sort()).toEqual([
        'courier.broker',
        'courier.database',
        'courier.keys',
        'node-api.database',
      ]);
      const metrics = await (await fetch(node.metricsUrls[0] as string)).text();
      expect(metrics).toContain('# HELP enlace_envelopes_sent_total ');
      expect(metrics).toContain('# HELP enlace_envelopes_set_aside_total ');
      expect(metrics).not.toContain(marker);
    }
    const sentByCo = await (await fetch(`${network.nodes[0]?.apiUrl}/metrics`)).text();
    expect(sentByCo).toMatch(/enlace_envelopes_sent_total\{from="CO",to="EC",type="referral\.requested\.v1"\} [1-9]/);
  }, 30_000);
});
