import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { AuditLogStore, loadAuditKey, verifyAuditChain } from '@enlace/audit';
import { DirectoryAuthority } from '@enlace/envelope';
import {
  DeadLetterHeaders,
  DirectoryEntryPublisher,
  KafkaEnvelopePublisher,
  TopicNames,
  createKafkaClient,
  parseBrokerList,
} from '@enlace/messaging';
import { LocalNetwork, startLocalNetwork, findFreeBasePort, networkPortOffsets } from '@enlace/local-infra';
import { createNodeApiClient, type NodeApiClient } from '@enlace/client';
import type { NodeApi } from '@enlace/contracts';
import { NodeApiClient as RawNodeApiClient, TestInfra, eventually, filesContaining, testInfra } from '@enlace/testing';
import { Kafka, Producer } from 'kafkajs';
import { Kysely } from 'kysely';
import { NodeDatabase, createPostgresDatabase } from '@enlace/store';

/**
 * Issue 2's path across a border, over the real broker and PostgreSQL that the project starts: CO refers a person
 * to EC, EC accepts, CO sees it — with CO's API and courier as separate processes and EC's in one process.
 */
describe('a referral from Colombia to Ecuador', () => {
  const network = `e2e${Date.now().toString(36)}`;
  const marker = `Zq${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let home: string;
  let infra: TestInfra;
  let net: LocalNetwork;
  let kafka: Kafka;
  let producer: Producer;
  let co: NodeApiClient;
  let ec: NodeApiClient;
  /** CO's focal point on the untyped client, for the requests that deliberately break the contract. */
  let coRaw: RawNodeApiClient;
  let ecToken: string;
  let referralId: string;

  const userOf = (country: string, suffix: string) => {
    const user = net.users.find((candidate) => candidate.country === country && candidate.username.endsWith(suffix));
    if (!user) throw new Error(`no ${suffix} user in ${country}`);
    return user;
  };
  const nodeOf = (country: string) => {
    const node = net.nodes.find((candidate) => candidate.country === country);
    if (!node) throw new Error(`no node ${country}`);
    return node;
  };

  const baseUrlOf = (country: string) => `${nodeOf(country).apiUrl}/api/v1`;

  /** The access token of `country`'s focal point. */
  const tokenOf = async (country: string): Promise<string> => {
    const { username, password } = userOf(country, 'focal');
    const { data, response } = await createNodeApiClient({ baseUrl: baseUrlOf(country) }).POST('/auth/token', {
      body: { username, password },
    });
    if (!data) throw new Error(`login of ${username} failed: HTTP ${response.status}`);
    return data.accessToken;
  };

  const openNodeDatabase = (country: string): Promise<Kysely<NodeDatabase>> =>
    createPostgresDatabase<NodeDatabase>({ url: nodeOf(country).databaseUrl, maxConnections: 2 });

  const referralRequest = (firstName: string): NodeApi.components['schemas']['CreateReferralRequest'] => ({
    toCountry: 'EC',
    reason: 'AdditionalServicesRequired',
    servicesRequested: ['Health', 'SocialCare'],
    urgency: 'high',
    person: { firstName, secondName: 'Rojas', birthdate: '1999-04-02', gender: 'Female', nationality: 'CO' },
    consent: {
      purpose: 'Referral for assistance in Ecuador',
      scope: ['identity', 'health'],
      recordedAt: new Date().toISOString(),
    },
  });

  /** Every record of a topic so far, read by a throwaway consumer group. */
  async function readTopic(
    topic: string,
    atLeast: number,
  ): Promise<{ value: Buffer; headers: Record<string, string> }[]> {
    const consumer = kafka.consumer({ groupId: `e2e-reader-${randomUUID()}` });
    const records: { value: Buffer; headers: Record<string, string> }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
        records.push({ value: message.value ?? Buffer.alloc(0), headers });
      },
    });
    try {
      await eventually(async () => (records.length >= atLeast ? true : undefined), {
        timeoutMs: 20_000,
        what: `${atLeast} records on ${topic}`,
      });
    } finally {
      await consumer.disconnect();
    }
    return records;
  }

  beforeAll(async () => {
    infra = testInfra();
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'enlace-e2e-'));
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
    });
    kafka = createKafkaClient({ brokers: parseBrokerList(infra.kafkaBrokers), clientId: 'e2e-test' });
    producer = kafka.producer();
    await producer.connect();
    const coToken = await tokenOf('CO');
    ecToken = await tokenOf('EC');
    co = createNodeApiClient({ baseUrl: baseUrlOf('CO'), token: coToken });
    ec = createNodeApiClient({ baseUrl: baseUrlOf('EC'), token: ecToken });
    coRaw = new RawNodeApiClient(nodeOf('CO').apiUrl, coToken);
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await net?.stop({ dropDatabases: true });
    if (home) await fs.rm(home, { recursive: true, force: true });
  }, 60_000);

  it('should carry the referral to EC with the person intact, and the delivery back to CO', async () => {
    const posted = Date.now();
    const created = await co.POST('/referrals', { body: referralRequest(marker) });
    if (created.response.status !== 201) console.log(JSON.stringify(created.error));
    expect(created.response.status).toBe(201);
    expect(created.response.headers.get('location')).toBe(`/api/v1/referrals/${created.data?.id}`);
    expect(created.data?.status).toBe('sent');
    referralId = created.data?.id ?? '';
    const atReferral = { params: { path: { id: referralId } } };

    const incoming = await eventually(
      async () => {
        const list = await ec.GET('/referrals', { params: { query: { direction: 'incoming' } } });
        return list.data?.items.find((item) => item.id === referralId);
      },
      { what: 'the referral at EC' },
    );
    console.log(`referral POST at CO -> listed at EC: ${Date.now() - posted} ms`);
    expect(incoming).toBeDefined();

    const atEc = await ec.GET('/referrals/{id}', atReferral);
    expect(atEc.data?.direction).toBe('incoming');
    expect(atEc.data?.person).toEqual({
      firstName: marker,
      secondName: 'Rojas',
      birthdate: '1999-04-02',
      gender: 'Feminine',
      nationality: 'CO',
    });

    await eventually(
      async () => {
        const atCo = await co.GET('/referrals/{id}', atReferral);
        return atCo.data?.status === 'delivered' ? atCo : undefined;
      },
      { what: 'CO to see the referral delivered' },
    );
  }, 60_000);

  it('should let EC accept, and CO see accepted with a timeline of both sides', async () => {
    const atReferral = { params: { path: { id: referralId } } };
    const accepted = await ec.POST('/referrals/{id}/accept', { ...atReferral, body: {} });
    expect(accepted.response.status).toBe(200);
    expect(accepted.data?.status).toBe('accepted');

    const atCo = await eventually(
      async () => {
        const { data } = await co.GET('/referrals/{id}', atReferral);
        return data?.status === 'accepted' ? data : undefined;
      },
      { what: 'CO to see the referral accepted' },
    );
    expect(atCo.timeline.map((entry) => `${entry.side}:${entry.event}`)).toEqual([
      'sender:ReferralDrafted',
      'sender:ReferralSent',
      'receiver:ReferralDelivered',
      'receiver:ReferralAccepted',
    ]);
  }, 60_000);

  it('should answer mistakes with problem+json', async () => {
    const atReferral = { params: { path: { id: referralId } } };
    const anonymous = await createNodeApiClient({ baseUrl: baseUrlOf('CO') }).GET('/referrals');
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.response.headers.get('content-type')).toContain('application/problem+json');

    // EC's token was signed by EC's issuer, whose secret CO does not share: not a token of CO's at all
    const ecUserAtCo = await createNodeApiClient({ baseUrl: baseUrlOf('CO'), token: ecToken }).GET(
      '/referrals/{id}',
      atReferral,
    );
    expect(ecUserAtCo.response.status).toBe(401);
    expect(ecUserAtCo.response.headers.get('content-type')).toContain('application/problem+json');

    // Raw: a body the contract refuses (an urgency it does not have, a person without names), sent to see the 400.
    const invalid = await coRaw.request<{ errors: { field: string }[] }>('POST', '/referrals', {
      ...referralRequest('X'),
      urgency: 'soon',
      person: {},
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((error) => error.field)).toEqual(
      expect.arrayContaining(['/urgency', '/person/firstName']),
    );

    expect((await ec.POST('/referrals/{id}/accept', { ...atReferral, body: {} })).response.status).toBe(409);
    expect(
      (await co.POST('/referrals/{id}/decline', { ...atReferral, body: { reason: 'not mine to decline' } })).response
        .status,
    ).toBe(409);
    expect((await co.GET('/referrals/{id}', { params: { path: { id: randomUUID() } } })).response.status).toBe(404);
    expect((await co.GET('/referrals/{id}', { params: { path: { id: 'not-a-uuid' } } })).response.status).toBe(400);

    const oversized = await co.POST('/referrals', {
      body: { ...referralRequest('X'), reasonDetails: 'x'.repeat(300 * 1024) },
    });
    expect(oversized.response.status).toBe(413);
    expect(oversized.response.headers.get('content-type')).toContain('application/problem+json');
    // Raw: a body that is not JSON at all, which the typed client cannot send.
    const notJson = await coRaw.request('POST', '/referrals', '{"toCountry": ');
    expect(notJson.status).toBe(400);
  }, 30_000);

  it('should serve the contract in Swagger UI', async () => {
    const docs = await fetch(`${nodeOf('CO').apiUrl}/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toContain('text/html');
    const document = (await (await fetch(`${nodeOf('CO').apiUrl}/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/referrals', '/referrals/{id}/accept']));
  }, 30_000);

  it('should dead-letter a flipped byte, ignore a duplicate, and keep delivering', async () => {
    const inboxTopic = TopicNames.inbox(network, 'EC');
    const [original] = await readTopic(inboxTopic, 1);
    if (!original) throw new Error('no envelope on the EC inbox');
    const atReferral = { params: { path: { id: referralId } } };
    const timelineBefore = (await ec.GET('/referrals/{id}', atReferral)).data?.timeline.length;

    const flipped = Buffer.from(original.value);
    const position = Math.floor(flipped.length / 2);
    flipped[position] = (flipped[position] as number) ^ 0x01;
    await producer.send({ topic: inboxTopic, messages: [{ key: referralId, value: flipped }] });
    await producer.send({ topic: inboxTopic, messages: [{ key: referralId, value: original.value }] });

    const [deadLetter] = await readTopic(TopicNames.deadLetter(network, 'EC'), 1);
    expect(['TAMPERED', 'MALFORMED']).toContain(deadLetter?.headers[DeadLetterHeaders.reason]);
    expect(deadLetter?.value.equals(flipped)).toBe(true);

    const next = await co.POST('/referrals', { body: referralRequest(`${marker}b`) });
    await eventually(
      async () => {
        const view = await ec.GET('/referrals/{id}', { params: { path: { id: next.data?.id ?? '' } } });
        return view.response.status === 200 ? view : undefined;
      },
      { what: 'the next referral at EC' },
    );

    const after = await ec.GET('/referrals/{id}', atReferral);
    expect(timelineBefore).toEqual(expect.any(Number));
    expect(after.data?.timeline).toHaveLength(timelineBefore ?? -1);
    expect(after.data?.status).toBe('accepted');
    const db = await openNodeDatabase('EC');
    try {
      const stored = await db
        .selectFrom('inbox')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('case_id', '=', referralId)
        .where('type', '=', 'referral.requested.v1')
        .executeTakeFirstOrThrow();
      expect(Number(stored.count)).toBe(1);
    } finally {
      await db.destroy();
    }
  }, 90_000);

  it('should have kept an intact audit chain of who did what at CO, without personal data', async () => {
    const db = await openNodeDatabase('CO');
    try {
      const store = new AuditLogStore(db);
      // every record sealed with CO's audit key, which the local network wrote beside its other secrets
      const key = await loadAuditKey(path.join(home, 'network', network, 'secrets', 'co.audit-key.json'));
      expect(await verifyAuditChain(store.records(), { key })).toMatchObject({ intact: true, unkeyed: 0 });
      const records = [];
      for await (const record of store.records()) records.push(record);
      expect(records).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'POST /api/v1/referrals',
            outcome: 201,
            actor: expect.objectContaining({ username: userOf('CO', 'focal').username }),
          }),
          expect.objectContaining({
            action: 'GET /api/v1/referrals/:id',
            resource: { referral: referralId },
            outcome: 200,
          }),
          expect.objectContaining({ action: 'GET /api/v1/referrals', actor: null, outcome: 401 }),
        ]),
      );
      expect(JSON.stringify(records)).not.toContain(marker);
    } finally {
      await db.destroy();
    }
  });

  it('should leave the person’s name in no file of the broker', async () => {
    if (!infra.kafkaDataDir) return; // an external broker's disks are not ours to read
    // The scan does find what is in clear on the broker: the case id is the record key.
    expect(await filesContaining(infra.kafkaDataDir, referralId)).not.toEqual([]);
    expect(await filesContaining(infra.kafkaDataDir, marker)).toEqual([]);
    expect(await filesContaining(path.join(home, 'logs'), marker)).toEqual([]);
  }, 120_000);

  it('should dead-letter, as REVOKED_SENDER, what a member sends once the directory authority revoked it', async () => {
    const authority = await DirectoryAuthority.open(net.authorityDir, network);
    const directoryProducer = new KafkaEnvelopePublisher(kafka);
    try {
      const revoked = await authority.revoke('CO');
      await new DirectoryEntryPublisher(directoryProducer, network).publish([
        { country: 'CO', signed: revoked.signed },
      ]);
    } finally {
      await directoryProducer.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // EC's courier reads the directory topic continuously

    const refused = await co.POST('/referrals', { body: referralRequest(`${marker}c`) });
    expect(refused.response.status).toBe(201);

    const deadLetters = await eventually(
      async () => {
        const records = await readTopic(TopicNames.deadLetter(network, 'EC'), 2);
        const revokedSender = records.filter((r) => r.headers[DeadLetterHeaders.reason] === 'REVOKED_SENDER');
        return revokedSender.length > 0 ? revokedSender : undefined;
      },
      { what: 'a REVOKED_SENDER dead letter at EC', timeoutMs: 30_000 },
    );
    expect(deadLetters[0]?.headers[DeadLetterHeaders.originalTopic]).toBe(TopicNames.inbox(network, 'EC'));
    const refusedId = refused.data?.id ?? '';
    expect((await ec.GET('/referrals/{id}', { params: { path: { id: refusedId } } })).response.status).toBe(404);
  }, 90_000);
});
