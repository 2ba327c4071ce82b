import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { TopicNames, createKafkaClient, parseBrokerList } from '@enlace/messaging';
import { LocalNetwork, findFreeBasePort, networkPortOffsets, startLocalNetwork } from '@enlace/local-infra';
import { createNodeApiClient } from '@enlace/client';
import { TestInfra, eventually, readTopicRecords, testInfra } from '@enlace/testing';
import { OtlpTraceReceiver, ReceivedSpan } from './support/otlp-trace-receiver';

const REFERRAL = 'referral.requested.v1';
const SERVER_SPAN = 2;

/**
 * Issue 14's trace of one referral, on the real broker and PostgreSQL, with the processes started as an operator
 * would: their standard OTEL_* settings point the SDK's OTLP/HTTP exporter at a receiver of the test. CO's API and
 * courier run apart, EC's in one process. The person's first name is a marker that no span may hold.
 */
describe('the trace of a referral from Colombia to Ecuador', () => {
  const network = `trace${Date.now().toString(36)}`;
  const marker = `Zq${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const receiver = new OtlpTraceReceiver();
  let home: string;
  let infra: TestInfra;
  let net: LocalNetwork;

  const userOf = (country: string) => {
    const user = net.users.find((candidate) => candidate.country === country && candidate.username.endsWith('focal'));
    if (!user) throw new Error(`no focal point in ${country}`);
    return user;
  };
  const apiOf = (country: string) => {
    const node = net.nodes.find((candidate) => candidate.country === country);
    if (!node) throw new Error(`no node ${country}`);
    return node.apiUrl;
  };

  beforeAll(async () => {
    infra = testInfra();
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'enlace-trace-'));
    const endpoint = await receiver.start();
    net = await startLocalNetwork({
      network,
      members: [
        { country: 'CO', organisations: ['CO focal point'] },
        { country: 'EC', organisations: ['EC focal point'] },
      ],
      home,
      basePort: await findFreeBasePort(networkPortOffsets(5)),
      mode: { CO: 'separate', EC: 'combined' },
      infra,
      env: {
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        OTEL_BSP_SCHEDULE_DELAY: '200',
      },
    });
  }, 180_000);

  afterAll(async () => {
    await net?.stop({ dropDatabases: true });
    await receiver.stop();
    if (home) await fs.rm(home, { recursive: true, force: true });
  }, 60_000);

  it('should hold CO API, CO courier, EC courier and EC apply in one trace, with no personal data', async () => {
    const login = async (country: string) => {
      const baseUrl = `${apiOf(country)}/api/v1`;
      const { username, password } = userOf(country);
      const { data, response } = await createNodeApiClient({ baseUrl }).POST('/auth/token', {
        body: { username, password },
      });
      if (!data) throw new Error(`login at ${country} failed: HTTP ${response.status}`);
      return createNodeApiClient({ baseUrl, token: data.accessToken });
    };
    const co = await login('CO');
    const ec = await login('EC');
    const created = await co.POST('/referrals', {
      body: {
        toCountry: 'EC',
        reason: 'AdditionalServicesRequired',
        servicesRequested: ['Health'],
        urgency: 'high',
        person: {
          firstName: marker,
          secondName: 'Rojas',
          birthdate: '1999-04-02',
          gender: 'Female',
          nationality: 'CO',
        },
        consent: {
          purpose: 'Referral for assistance in Ecuador',
          scope: ['identity'],
          recordedAt: new Date().toISOString(),
        },
      },
    });
    expect(created.response.status).toBe(201);
    if (!created.data) throw new Error('no referral in the 201');
    const { id } = created.data;
    await eventually(
      async () =>
        (await ec.GET('/referrals/{id}', { params: { path: { id } } })).response.status === 200 ? true : undefined,
      { what: 'the referral at EC' },
    );

    const named = (spans: readonly ReceivedSpan[], name: string, service: string) =>
      spans.find(
        (span) =>
          span.name === name && span.service === service && span.attributes['enlace.envelope.type'] === REFERRAL,
      );
    const send = await eventually(async () => named(receiver.spans, 'envelope send', 'enlace-courier'), {
      what: "CO courier's send span",
    });
    const trace = () => receiver.spans.filter((span) => span.traceId === send.traceId);
    const apply = await eventually(async () => named(trace(), 'envelope apply', 'enlace-node'), {
      what: "EC's apply span in CO's trace",
    });
    const receive = named(trace(), 'envelope receive', 'enlace-node');
    const request = trace().find((span) => span.service === 'enlace-node-api' && span.kind === SERVER_SPAN);

    // CO's API request, CO's courier, EC's courier, EC's apply: one trace, each span the child of the one before
    expect(request?.attributes['http.request.method']).toBe('POST');
    expect(send.parentSpanId).toBeDefined();
    expect(trace().some((span) => span.spanId === send.parentSpanId && span.service === 'enlace-node-api')).toBe(true);
    expect(receive?.parentSpanId).toBe(send.spanId);
    expect(apply.parentSpanId).toBe(receive?.spanId);
    expect(receive?.attributes['enlace.envelope.from']).toBe('CO');
    // the request's statements are in it (the PostgreSQL instrumentation), placeholders and not values
    expect(
      trace().some(
        (span) =>
          span.service === 'enlace-node-api' &&
          [span.attributes['db.system.name'], span.attributes['db.system']].includes('postgresql'),
      ),
    ).toBe(true);

    // across the border, the record carries W3C traceparent of that trace and no other context header
    const kafka = createKafkaClient({ brokers: parseBrokerList(infra.kafkaBrokers), clientId: 'e2e-trace' });
    // EC's inbox topic holds the referral alone (the receipt goes to CO's)
    const [record] = await readTopicRecords(kafka, TopicNames.inbox(network, 'EC'), 1);
    expect(record?.headers['traceparent']).toBe(`00-${send.traceId}-${send.spanId}-01`);
    expect(Object.keys(record?.headers ?? {}).filter((name) => ['tracestate', 'baggage'].includes(name))).toEqual([]);

    // and no span of any process, of any trace, holds the person's name
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.bodies.length).toBeGreaterThan(0);
    expect(receiver.bodies.filter((body) => body.includes(marker))).toEqual([]);
  }, 120_000);
});
