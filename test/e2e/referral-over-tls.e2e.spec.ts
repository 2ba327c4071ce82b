import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  LocalMonitor,
  LocalNetwork,
  PrivateKafka,
  findFreeBasePort,
  networkPortOffsets,
  startLocalMonitor,
  startLocalNetwork,
  startPrivateKafka,
  type InfraEndpoints,
} from '@enlace/local-infra';
import { createMonitorApiClient, createNodeApiClient, type NodeApiClient } from '@enlace/client';
import { eventually, testInfra } from '@enlace/testing';

const infra = testInfra();
/** A broker the project starts: the shared one's TLS listener, or a broker of this test's own from the same jars. */
const local = infra.kafkaSasl !== undefined && (infra.kafkaTls !== undefined || infra.kafkaLibsDir !== undefined);

/**
 * Issue 13's broker link: CO refers a person to EC and EC accepts, with every node's courier on the broker's TLS
 * listener (SASL_SSL, SCRAM, the local authority as KAFKA_SSL_CA_FILE) as a network's nodes run in production; CO's
 * API and courier as separate processes, EC's in one; the secretariat's monitor reads the headers over TLS too.
 */
(local ? describe : describe.skip)('a referral from Colombia to Ecuador over TLS to the broker', () => {
  const network = `tls${Date.now().toString(36)}`;
  let home: string;
  let privateKafka: PrivateKafka | undefined;
  let brokerTls: NonNullable<InfraEndpoints['kafkaTls']>;
  let net: LocalNetwork;
  let monitor: LocalMonitor;
  let co: NodeApiClient;
  let ec: NodeApiClient;
  let referralId: string;

  const nodeOf = (country: string) => {
    const node = net.nodes.find((candidate) => candidate.country === country);
    if (!node) throw new Error(`no node ${country}`);
    return node;
  };
  const login = async (country: string): Promise<NodeApiClient> => {
    const user = net.users.find((candidate) => candidate.country === country && candidate.username.endsWith('focal'));
    if (!user) throw new Error(`no focal point in ${country}`);
    const baseUrl = `${nodeOf(country).apiUrl}/api/v1`;
    const { data, response } = await createNodeApiClient({ baseUrl }).POST('/auth/token', {
      body: { username: user.username, password: user.password },
    });
    if (!data) throw new Error(`login of ${user.username} failed: HTTP ${response.status}`);
    return createNodeApiClient({ baseUrl, token: data.accessToken });
  };

  beforeAll(async () => {
    let endpoints: Pick<InfraEndpoints, 'kafkaBrokers' | 'databaseUrl' | 'kafkaSasl' | 'kafkaLibsDir' | 'kafkaTls'> =
      infra;
    if (infra.kafkaTls === undefined) {
      // the shared broker was started before it had a TLS listener: restarting it would disturb every other run
      privateKafka = await startPrivateKafka({
        kafkaLibsDir: infra.kafkaLibsDir as string,
        databaseUrl: infra.databaseUrl,
      });
      endpoints = privateKafka.endpoints;
    }
    if (endpoints.kafkaTls === undefined) throw new Error('the broker has no TLS listener');
    brokerTls = endpoints.kafkaTls;
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'enlace-e2e-tls-'));
    const basePort = await findFreeBasePort(networkPortOffsets(2));
    net = await startLocalNetwork({
      network,
      members: [
        { country: 'CO', organisations: ['CO focal point'] },
        { country: 'EC', organisations: ['EC focal point'] },
      ],
      home,
      basePort,
      mode: { CO: 'separate', EC: 'combined' },
      infra: endpoints,
      overTls: true,
    });
    monitor = await startLocalMonitor({
      network,
      home,
      httpPort: basePort + 50,
      trustAnchorsFile: net.trustAnchorsFile,
      infra: endpoints,
      overTls: true,
      ...(net.kafkaPrincipals && { kafkaSasl: net.kafkaPrincipals.monitor }),
    });
    co = await login('CO');
    ec = await login('EC');
  }, 300_000);

  afterAll(async () => {
    await monitor?.stop({ dropDatabase: true });
    await net?.stop({ dropDatabases: true });
    await privateKafka?.stop();
    if (home) await fs.rm(home, { recursive: true, force: true });
  }, 90_000);

  it('should give every node only the TLS listener, the authority to trust and its SCRAM principal', () => {
    for (const country of ['CO', 'EC']) {
      expect(nodeOf(country).spec.env).toMatchObject({
        KAFKA_BROKERS: brokerTls.brokers,
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: brokerTls.caFile,
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: expect.stringContaining(country.toLowerCase()),
      });
    }
  });

  it('should carry the referral to EC and its delivery back to CO', async () => {
    const marker = `Tl${randomUUID().replace(/-/g, '').slice(0, 12)}`;
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
          scope: ['identity', 'health'],
          recordedAt: new Date().toISOString(),
        },
      },
    });
    expect(created.response.status).toBe(201);
    if (!created.data) throw new Error('no referral in the 201');
    referralId = created.data.id;

    const atEc = await eventually(
      async () => {
        const view = await ec.GET('/referrals/{id}', { params: { path: { id: referralId } } });
        return view.response.status === 200 ? view.data : undefined;
      },
      { what: 'the referral at EC', timeoutMs: 60_000 },
    );
    expect(atEc.direction).toBe('incoming');
    expect(atEc.person?.firstName).toBe(marker);

    await eventually(
      async () => {
        const view = await co.GET('/referrals/{id}', { params: { path: { id: referralId } } });
        return view.data?.status === 'delivered' ? view : undefined;
      },
      { what: 'CO to see the referral delivered', timeoutMs: 60_000 },
    );
  }, 150_000);

  it('should let EC accept, and CO see it accepted', async () => {
    const accepted = await ec.POST('/referrals/{id}/accept', { params: { path: { id: referralId } }, body: {} });
    expect(accepted.response.status).toBe(200);

    const atCo = await eventually(
      async () => {
        const view = await co.GET('/referrals/{id}', { params: { path: { id: referralId } } });
        return view.data?.status === 'accepted' ? view.data : undefined;
      },
      { what: 'CO to see the referral accepted', timeoutMs: 60_000 },
    );
    expect(atCo.status).toBe('accepted');
  }, 90_000);

  it("should let the secretariat's monitor count the corridor's envelopes read over TLS", async () => {
    const user = monitor.users[0];
    if (!user) throw new Error('no monitor user');
    const monitorBaseUrl = `${monitor.monitorUrl}/api/v1`;
    const login = await createMonitorApiClient({ baseUrl: monitorBaseUrl }).POST('/auth/token', {
      body: { username: user.username, password: user.password },
    });
    if (!login.data) throw new Error(`monitor login failed: HTTP ${login.response.status}`);
    const secretariat = createMonitorApiClient({ baseUrl: monitorBaseUrl, token: login.data.accessToken });

    const counted = await eventually(
      async () => {
        const { data: flows } = await secretariat.GET('/flows', { params: { query: { from: 'CO', to: 'EC' } } });
        const total = (flows?.corridors ?? []).reduce((sum, corridor) => sum + corridor.total, 0);
        return total > 0 ? total : undefined;
      },
      { what: 'the monitor to count the referral CO -> EC', timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(counted).toBeGreaterThanOrEqual(1);
    // and it read them through the TLS listener only (Linux shows a process's environment)
    const environ = await fs.readFile(`/proc/${monitor.pid}/environ`, 'utf8').catch(() => undefined);
    if (environ !== undefined) {
      expect(environ.split('\0')).toEqual(
        expect.arrayContaining([`KAFKA_BROKERS=${brokerTls.brokers}`, 'KAFKA_SSL=true']),
      );
    }
  }, 90_000);
});
