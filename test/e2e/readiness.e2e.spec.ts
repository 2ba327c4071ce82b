import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  InfraEndpoints,
  LocalNetwork,
  ensureInfra,
  findFreeBasePort,
  networkPortOffsets,
  startLocalNetwork,
  stopInfra,
  stopInfraComponent,
} from '@enlace/local-infra';
import { TestInfra, eventually, testInfra } from '@enlace/testing';

interface Probe {
  readonly status: number;
  readonly body: { status?: string; info?: Record<string, unknown>; error?: Record<string, unknown> };
}

async function probe(url: string): Promise<Probe> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Probe['body'] };
}

/**
 * Readiness follows the database: a node whose PostgreSQL stops answers 503 on /health/ready (naming the database,
 * while the broker and the keys stay up) and 200 on /health/live, then 200 again once it is back. The database
 * stopped is a private PostgreSQL this test starts with the project's launcher (its own data folder in a temporary
 * directory, its own port), never the shared one other tests and benches use; the broker is the shared one.
 */
describe('readiness of a node whose database goes away', () => {
  const network = `rdy${Date.now().toString(36)}`;
  let home: string;
  let postgresHome: string;
  let postgresEnv: NodeJS.ProcessEnv;
  let privatePostgres: InfraEndpoints;
  let infra: TestInfra;
  let net: LocalNetwork;
  const quiet = () => undefined;

  const apiUrl = () => net.nodes[0]?.apiUrl as string;
  const courierUrl = () => net.nodes[0]?.courierUrl as string;

  beforeAll(async () => {
    infra = testInfra();
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'enlace-ready-'));
    postgresHome = await fs.mkdtemp(path.join(os.tmpdir(), 'enlace-ready-pg-'));
    const postgresPort = await findFreeBasePort([0]);
    // The shared broker is given as external (the launcher leaves it alone); only PostgreSQL is started, under
    // postgresHome, on its own port. No DATABASE_URL: that would make the launcher take an external database too.
    postgresEnv = {
      ...process.env,
      ENLACE_HOME: postgresHome,
      ENLACE_POSTGRES_PORT: String(postgresPort),
      KAFKA_BROKERS: infra.kafkaBrokers,
      DATABASE_URL: '',
    };
    privatePostgres = await ensureInfra({ env: postgresEnv, log: quiet });
    expect(privatePostgres.databaseUrl).toContain(`:${postgresPort}`);

    net = await startLocalNetwork({
      network,
      members: [{ country: 'CO', organisations: ['CO focal point'] }],
      home,
      basePort: await findFreeBasePort(networkPortOffsets(1)),
      mode: 'separate',
      infra: { ...infra, databaseUrl: privatePostgres.databaseUrl },
    });
    await eventually(
      async () =>
        (await probe(`${courierUrl()}/health/ready`).catch(() => undefined))?.status === 200 ? true : undefined,
      { what: 'the courier ready', timeoutMs: 60_000 },
    );
  }, 240_000);

  afterAll(async () => {
    // The private server runs again whatever the test left it in, so that the node's database can be dropped.
    if (postgresEnv) await ensureInfra({ env: postgresEnv, log: quiet }).catch(() => undefined);
    await net?.stop({ dropDatabases: true }).catch(() => undefined);
    if (postgresEnv) await stopInfra({ env: postgresEnv, log: quiet });
    for (const dir of [home, postgresHome]) if (dir) await fs.rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('should be ready while its database and broker answer', async () => {
    const api = await probe(`${apiUrl()}/health/ready`);
    expect(api).toMatchObject({ status: 200, body: { status: 'ok', info: { 'node-api.database': { status: 'up' } } } });
    const courier = await probe(`${courierUrl()}/health/ready`);
    expect(courier.status).toBe(200);
    expect(Object.keys(courier.body.info ?? {}).sort()).toEqual(['courier.broker', 'courier.database', 'courier.keys']);
  }, 30_000);

  it('should turn not ready, naming the database, when its PostgreSQL stops, and stay live', async () => {
    expect(await stopInfraComponent('postgres', { env: postgresEnv, log: quiet })).toBe(true);

    const api = await eventually(
      async () => {
        const answer = await probe(`${apiUrl()}/health/ready`);
        return answer.status === 503 ? answer : undefined;
      },
      { what: "node-api's readiness to fail", timeoutMs: 20_000 },
    );
    expect(api.body).toMatchObject({ status: 'error', error: { 'node-api.database': { status: 'down' } } });

    const courier = await eventually(
      async () => {
        const answer = await probe(`${courierUrl()}/health/ready`);
        return answer.status === 503 ? answer : undefined;
      },
      { what: "the courier's readiness to fail", timeoutMs: 20_000 },
    );
    expect(courier.body).toMatchObject({
      status: 'error',
      error: { 'courier.database': { status: 'down' } },
      info: { 'courier.broker': { status: 'up' }, 'courier.keys': { status: 'up' } },
    });
    // Nothing of the connection (address, user, password) in what the probe shows.
    expect(JSON.stringify([api.body, courier.body])).not.toContain(privatePostgres.databaseUrl.split('@')[1] ?? '@');

    expect((await fetch(`${apiUrl()}/health/live`)).status).toBe(200);
    expect((await fetch(`${courierUrl()}/health/live`)).status).toBe(200);
  }, 60_000);

  it('should be ready again once its PostgreSQL is back, without a restart', async () => {
    await ensureInfra({ env: postgresEnv, log: quiet });
    for (const url of [apiUrl(), courierUrl()]) {
      await eventually(async () => ((await probe(`${url}/health/ready`)).status === 200 ? true : undefined), {
        what: `${url} ready again`,
        timeoutMs: 30_000,
      });
    }
    expect((await probe(`${courierUrl()}/health/ready`)).body.status).toBe('ok');
  }, 120_000);
});
