import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { TopicNames, createKafkaClient, parseBrokerList } from '@enlace/messaging';
import {
  LocalNetwork,
  LocalNode,
  findFreeBasePort,
  networkPortOffsets,
  nodeLogFiles,
  startLocalNetwork,
} from '@enlace/local-infra';
import { MetricSamples, TestInfra, eventually, readTopicRecords, scrapeMetrics, testInfra } from '@enlace/testing';
import { Kafka, Producer } from 'kafkajs';
import { createNodeApiClient, type NodeApiClient } from '@enlace/client';
import type { NodeApi } from '@enlace/contracts';

const REFERRAL = 'referral.requested.v1';
const RECEIPT = 'receipt.delivered.v1';
const SENT = 'enlace_envelopes_sent_total';
const RECEIVED = 'enlace_envelopes_received_total';
const DEAD_LETTERED = 'enlace_envelopes_dead_lettered_total';
const SET_ASIDE = 'enlace_envelopes_set_aside_total';
const LATENCY = 'enlace_envelope_delivery_latency_seconds';
const HTTP = 'enlace_http_request_duration_seconds';

/** The four processes of two nodes run apart, each scraped on its own. */
interface Scrapes {
  coApi: MetricSamples;
  coCourier: MetricSamples;
  ecApi: MetricSamples;
  ecCourier: MetricSamples;
}

/**
 * Issue 14's observability over the real broker and PostgreSQL: CO and EC each run node-api and the courier as
 * separate processes (as in production); one referral CO -> EC moves exactly the counters and the latency histogram
 * it should, at the process that counts it; the probes answer; every log line is JSON, carries the request id, and
 * names no person.
 */
describe('observability of two nodes', () => {
  const network = `obs${Date.now().toString(36)}`;
  const marker = `Zq${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let home: string;
  let infra: TestInfra;
  let net: LocalNetwork;
  let kafka: Kafka;
  let producer: Producer;
  let co: NodeApiClient;
  /** CO's focal point's access token, which no log line may hold. */
  let coToken: string;
  let referralId: string;

  const nodeOf = (country: string): LocalNode => {
    const node = net.nodes.find((candidate) => candidate.country === country);
    if (!node) throw new Error(`no node ${country}`);
    return node;
  };
  const courierOf = (country: string): string => {
    const url = nodeOf(country).courierUrl;
    if (!url) throw new Error(`the ${country} courier serves no HTTP`);
    return url;
  };
  const scrapeAll = async (): Promise<Scrapes> => {
    const [coApi, coCourier, ecApi, ecCourier] = await Promise.all([
      scrapeMetrics(`${nodeOf('CO').apiUrl}/metrics`),
      scrapeMetrics(`${courierOf('CO')}/metrics`),
      scrapeMetrics(`${nodeOf('EC').apiUrl}/metrics`),
      scrapeMetrics(`${courierOf('EC')}/metrics`),
    ]);
    return { coApi, coCourier, ecApi, ecCourier };
  };
  const moved = (before: MetricSamples, after: MetricSamples, name: string, labels: Record<string, string> = {}) =>
    after.sum(name, labels) - before.sum(name, labels);

  const baseUrlOf = (country: string) => `${nodeOf(country).apiUrl}/api/v1`;
  const referralRequest = (firstName: string): NodeApi.components['schemas']['CreateReferralRequest'] => ({
    toCountry: 'EC',
    reason: 'AdditionalServicesRequired',
    servicesRequested: ['Health'],
    urgency: 'high',
    person: { firstName, secondName: 'Rojas', birthdate: '1999-04-02', gender: 'Female', nationality: 'CO' },
    consent: { purpose: 'Observability test', scope: ['identity'], recordedAt: new Date().toISOString() },
  });

  beforeAll(async () => {
    infra = testInfra();
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'enlace-obs-'));
    net = await startLocalNetwork({
      network,
      members: [
        { country: 'CO', organisations: ['CO focal point'] },
        { country: 'EC', organisations: ['EC focal point'] },
      ],
      home,
      basePort: await findFreeBasePort(networkPortOffsets(2)),
      mode: 'separate',
      infra,
    });
    const focal = net.users.find((user) => user.country === 'CO' && user.username.endsWith('focal'));
    if (!focal) throw new Error('no CO focal point');
    const login = await createNodeApiClient({ baseUrl: baseUrlOf('CO') }).POST('/auth/token', {
      body: { username: focal.username, password: focal.password },
    });
    if (!login.data) throw new Error(`login of ${focal.username} failed: HTTP ${login.response.status}`);
    coToken = login.data.accessToken;
    co = createNodeApiClient({ baseUrl: baseUrlOf('CO'), token: coToken });
    kafka = createKafkaClient({ brokers: parseBrokerList(infra.kafkaBrokers), clientId: 'e2e-observability' });
    producer = kafka.producer();
    await producer.connect();
    // The probes (/health/live, /health/ready, /metrics) are outside the API contract, so they stay plain fetches.
    // The couriers serve their probes once their modules are up; node-api's health was awaited by the launcher.
    await eventually(
      async () => {
        const answers = await Promise.all(
          [courierOf('CO'), courierOf('EC')].map((url) => fetch(`${url}/health/ready`).catch(() => undefined)),
        );
        return answers.every((answer) => answer?.status === 200) ? true : undefined;
      },
      { what: 'both couriers ready', timeoutMs: 60_000 },
    );
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await net?.stop({ dropDatabases: true });
    if (home) await fs.rm(home, { recursive: true, force: true });
  }, 60_000);

  it('should answer the probes of every process, naming what each checks', async () => {
    for (const url of [nodeOf('CO').apiUrl, courierOf('CO'), nodeOf('EC').apiUrl, courierOf('EC')]) {
      const live = await fetch(`${url}/health/live`);
      expect(live.status).toBe(200);
      expect(await live.json()).toMatchObject({ status: 'ok' });
    }
    const apiReady = (await (await fetch(`${nodeOf('CO').apiUrl}/health/ready`)).json()) as Record<string, unknown>;
    expect(apiReady).toMatchObject({ status: 'ok', info: { 'node-api.database': { status: 'up' } } });
    const courierReady = await fetch(`${courierOf('CO')}/health/ready`);
    expect(courierReady.status).toBe(200);
    expect(await courierReady.json()).toMatchObject({
      status: 'ok',
      info: {
        'courier.database': { status: 'up' },
        'courier.broker': { status: 'up' },
        'courier.keys': { status: 'up' },
      },
    });
    // The contract's own health route still answers under the API prefix.
    expect((await createNodeApiClient({ baseUrl: baseUrlOf('CO') }).GET('/health')).response.status).toBe(200);
  }, 30_000);

  it('should move the counters and the latency histogram of both nodes by exactly one referral and its receipt', async () => {
    const before = await scrapeAll();
    const posted = Date.now();
    const created = await co.POST('/referrals', { body: referralRequest(marker) });
    expect(created.response.status).toBe(201);
    if (!created.data) throw new Error('no referral in the 201');
    referralId = created.data.id;
    await eventually(
      async () => {
        const view = await co.GET('/referrals/{id}', { params: { path: { id: referralId } } });
        return view.data?.status === 'delivered' ? view : undefined;
      },
      { what: 'CO to see the referral delivered' },
    );
    const elapsedSeconds = (Date.now() - posted) / 1000;
    const after = await scrapeAll();

    const toEc = { from: 'CO', to: 'EC', type: REFERRAL };
    const receiptToCo = { from: 'EC', to: 'CO', type: RECEIPT };
    // CO's courier sent the referral and took EC's receipt; nothing else left or arrived.
    expect(moved(before.coCourier, after.coCourier, SENT, toEc)).toBe(1);
    expect(moved(before.coCourier, after.coCourier, SENT)).toBe(1);
    expect(moved(before.coCourier, after.coCourier, RECEIVED, receiptToCo)).toBe(1);
    expect(moved(before.coCourier, after.coCourier, RECEIVED)).toBe(1);
    expect(moved(before.coCourier, after.coCourier, `${LATENCY}_count`, receiptToCo)).toBe(1);
    // EC's courier took the referral, measured its delay, and sent one receipt back.
    expect(moved(before.ecCourier, after.ecCourier, RECEIVED, toEc)).toBe(1);
    expect(moved(before.ecCourier, after.ecCourier, RECEIVED)).toBe(1);
    expect(moved(before.ecCourier, after.ecCourier, `${LATENCY}_count`, toEc)).toBe(1);
    expect(moved(before.ecCourier, after.ecCourier, `${LATENCY}_count`)).toBe(1);
    const delay = moved(before.ecCourier, after.ecCourier, `${LATENCY}_sum`, toEc);
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThan(elapsedSeconds);
    // The +Inf bucket counts it; so does every bucket at or above the delay, and none below.
    expect(moved(before.ecCourier, after.ecCourier, `${LATENCY}_bucket`, { ...toEc, le: '+Inf' })).toBe(1);
    expect(moved(before.ecCourier, after.ecCourier, `${LATENCY}_bucket`, { ...toEc, le: '60' })).toBe(1);
    expect(moved(before.ecCourier, after.ecCourier, SENT, receiptToCo)).toBe(1);
    expect(moved(before.ecCourier, after.ecCourier, SENT)).toBe(1);
    for (const scrape of [after.coCourier, after.ecCourier, after.coApi, after.ecApi]) {
      expect(scrape.sum(DEAD_LETTERED)).toBe(0);
      expect(scrape.sum(SET_ASIDE)).toBe(0);
    }
    // CO's API counted the request by its route template, never by its URL.
    expect(
      moved(before.coApi, after.coApi, `${HTTP}_count`, { method: 'POST', route: '/api/v1/referrals', status: '201' }),
    ).toBe(1);
    expect(after.coApi.text).not.toContain(referralId);
    expect(after.coApi.sum(`${HTTP}_count`, { route: '/api/v1/referrals/:id', method: 'GET' })).toBeGreaterThan(0);
  }, 90_000);

  it('should keep to each process the metrics it counts, and gauge the outbox and the inbox', async () => {
    const { coApi, coCourier } = await scrapeAll();
    expect(coApi.declares(SENT)).toBe(false);
    expect(coApi.declares(LATENCY)).toBe(false);
    expect(coApi.declares(SET_ASIDE)).toBe(true); // what its inbox sets aside
    expect(coCourier.declares(SENT)).toBe(true);
    expect(coCourier.sum(`${HTTP}_count`, { route: '/api/v1/referrals' })).toBe(0);
    await eventually(
      async () =>
        (await scrapeMetrics(`${courierOf('CO')}/metrics`)).sum('enlace_outbox_depth') === 0 ? true : undefined,
      {
        what: "CO's outbox empty",
      },
    );
    expect(coCourier.declares('enlace_inbox_lag_records')).toBe(true);
    expect(coCourier.declares('enlace_inbox_unapplied_entries')).toBe(false);
    // node-api's side of the inbox: everything that arrived is applied by now.
    await eventually(
      async () => {
        const scrape = await scrapeMetrics(`${nodeOf('EC').apiUrl}/metrics`);
        return scrape.declares('enlace_inbox_oldest_unapplied_seconds') &&
          scrape.sum('enlace_inbox_unapplied_entries') === 0
          ? true
          : undefined;
      },
      { what: "EC's inbox applied" },
    );
    expect(coCourier.declares('enlace_process_cpu_seconds_total')).toBe(true);
    for (const scrape of [coApi, coCourier]) {
      for (const sample of scrape.samples) {
        expect(Object.values(sample.labels).join(' ')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no id in a label
      }
    }
  }, 30_000);

  it('should count a tampered envelope as dead-lettered at EC, by its claimed corridor, and log its correlation id', async () => {
    const before = await scrapeMetrics(`${courierOf('EC')}/metrics`);
    const inboxTopic = TopicNames.inbox(network, 'EC');
    const records = await readTopicRecords(kafka, inboxTopic, 1);
    const original = records.find((record) => record.key === referralId);
    if (!original) throw new Error('the referral is not on the EC inbox');
    const wire = original.value.toString('utf8');
    const [protectedHeader, payload, signature] = wire.split('.') as [string, string, string];
    const content = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      header: { correlationId: string };
    };
    // Another valid base64url letter inside the signature: the header still reads, the signature no longer holds.
    const at = 10;
    const swapped = signature[at] === 'A' ? 'B' : 'A';
    const tampered = `${protectedHeader}.${payload}.${signature.slice(0, at)}${swapped}${signature.slice(at + 1)}`;
    await producer.send({ topic: inboxTopic, messages: [{ key: referralId, value: tampered }] });

    const after = await eventually(
      async () => {
        const scrape = await scrapeMetrics(`${courierOf('EC')}/metrics`);
        return scrape.sum(DEAD_LETTERED) > before.sum(DEAD_LETTERED) ? scrape : undefined;
      },
      { what: 'the dead letter counted at EC' },
    );
    expect(moved(before, after, DEAD_LETTERED, { from: 'CO', to: 'EC', type: REFERRAL })).toBe(1);
    expect(moved(before, after, DEAD_LETTERED)).toBe(1);
    expect(moved(before, after, RECEIVED)).toBe(0);

    const lines = await logLinesOf(nodeOf('EC'));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          msg: expect.stringContaining('dead-lettered'),
          correlationId: content.header.correlationId,
        }),
      ]),
    );
  }, 60_000);

  it('should echo a well-formed X-Request-Id, make one for a malformed one, and log the request under it', async () => {
    const given = `e2e-${randomUUID()}`;
    const { response: answered } = await co.GET('/referrals/{id}', {
      params: { path: { id: referralId } },
      headers: { 'x-request-id': given },
    });
    expect(answered.status).toBe(200);
    expect(answered.headers.get('x-request-id')).toBe(given);

    const { response: malformed } = await createNodeApiClient({ baseUrl: baseUrlOf('CO') }).GET('/health', {
      headers: { 'x-request-id': 'not a request id, but a sentence' },
    });
    expect(malformed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    await eventually(
      async () => {
        const lines = await logLinesOf(nodeOf('CO'));
        return lines.find((line) => (line['req'] as { id?: string } | undefined)?.id === given);
      },
      { what: "CO's log line of the request", timeoutMs: 10_000 },
    ).then((line) => {
      expect(line).toMatchObject({
        level: 'info',
        req: { id: given, method: 'GET', path: `/api/v1/referrals/${referralId}` },
        res: { statusCode: 200 },
      });
      expect(JSON.stringify(line)).not.toContain(coToken);
    });
  }, 30_000);

  it('should write every log line of every process as JSON, with no trace of the person', async () => {
    for (const country of ['CO', 'EC']) {
      // In separate mode a node writes two logs (node-api's and the courier's); the combined one does not exist.
      const texts = await Promise.all(
        nodeLogFiles(nodeOf(country).spec).map((file) => fs.readFile(file, 'utf8').catch(() => '')),
      );
      const written = texts.filter((text) => text !== '');
      expect(written).toHaveLength(2);
      for (const text of written) {
        // The launcher's own `=== <time> starting node ===` separator (spawnDetached) is not a line of the process.
        const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('=== '));
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
        expect(text).not.toContain(marker);
        expect(text).not.toContain(coToken);
      }
    }
  }, 30_000);
});

/** Every JSON line the node's processes logged so far. */
async function logLinesOf(node: LocalNode): Promise<Record<string, unknown>[]> {
  const lines: Record<string, unknown>[] = [];
  for (const file of nodeLogFiles(node.spec)) {
    const text = await fs.readFile(file, 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a JSON line: the test of the log format says so
      }
    }
  }
  return lines;
}
