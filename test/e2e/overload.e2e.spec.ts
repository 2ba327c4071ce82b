import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ConsumerGroups } from '@enlace/messaging';
import { NodeApiClient, eventually, testInfra } from '@enlace/testing';
import { ScenarioNetwork } from './support/scenario-network';

/** How long the flood lasts, and how many requests are in flight at once (beyond what the node takes at once). */
const FLOOD_SECONDS = Number(process.env['ENLACE_OVERLOAD_SECONDS'] ?? 20);
const IN_FLIGHT = 96;

const referralTo = (toCountry: string) => ({
  toCountry,
  reason: 'AdditionalServicesRequired',
  servicesRequested: ['Health'],
  urgency: 'medium',
  person: { firstName: 'Flor', nationality: 'CO' },
  consent: {
    purpose: `Referral for assistance in ${toCountry}`,
    scope: ['identity'],
    recordedAt: new Date(Date.now() - 60_000).toISOString(),
  },
});

/** The broker's own log (server.log), from `offset` on; the local broker writes its group coordinator's news there. */
async function brokerLogFrom(offset: number): Promise<string> {
  const file = path.join(brokerLogDir(), 'server.log');
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size < offset) throw new Error('the broker’s log was rolled over during the test: its news are not all here');
    const buffer = Buffer.alloc(size - offset);
    await handle.read(buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The broker's lines that tell of one of `groups` rebalancing or losing a member. */
function churnOf(log: string, groups: readonly string[]): string[] {
  return log
    .split('\n')
    .filter(
      (line) =>
        groups.some((group) => line.includes(`group ${group} `)) &&
        /rebalanc|has failed|removing member|left the group/i.test(line),
    );
}

function brokerLogDir(): string {
  const { kafkaLogDir } = testInfra() as ReturnType<typeof testInfra> & { kafkaLogDir?: string };
  if (!kafkaLogDir)
    throw new Error('this test reads the local broker’s log: run it on the infrastructure the project starts');
  return kafkaLogDir;
}

describe('a node under a flood of requests', () => {
  let network: ScenarioNetwork;
  let co: NodeApiClient;
  let ec: NodeApiClient;

  beforeAll(async () => {
    network = await ScenarioNetwork.start('overload', ['CO', 'EC'], {});
    [co, ec] = await Promise.all([network.client('CO'), network.client('EC')]);
  }, 180_000);

  afterAll(async () => {
    await network?.stop();
  }, 60_000);

  it('should answer every request with 201 or 503, keep its consumers in their groups, and deliver every referral it took', async () => {
    // One referral across first: both couriers have joined their groups before the log is read from here on.
    const first = await co.request<{ id: string }>('POST', '/referrals', referralTo('EC'));
    expect(first.status).toBe(201);
    await eventually(
      async () => ((await ec.request('GET', `/referrals/${first.body.id}`)).status === 200 ? true : undefined),
      {
        what: 'the first referral at EC',
        timeoutMs: 60_000,
      },
    );
    // The control: the broker's log tells of both groups' first rebalance (each courier joining), so a rebalance
    // during the flood would be there too.
    const groups = ['CO', 'EC'].map((country) => ConsumerGroups.courierInbox(network.net.network, country));
    const joined = await brokerLogFrom(0);
    for (const group of groups) expect(churnOf(joined, [group]).length).toBeGreaterThan(0);
    const logOffset = (await fs.stat(path.join(brokerLogDir(), 'server.log'))).size;

    const taken: string[] = [];
    const answers = new Map<number, number>();
    const until = Date.now() + FLOOD_SECONDS * 1000;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (Date.now() < until) {
          const answer = await co.request<{ id: string }>('POST', '/referrals', referralTo('EC'));
          answers.set(answer.status, (answers.get(answer.status) ?? 0) + 1);
          if (answer.status === 201) taken.push(answer.body.id);
          else if (answer.status === 503) await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }),
    );
    console.warn(`overload: ${JSON.stringify(Object.fromEntries(answers))} in ${FLOOD_SECONDS} s`);

    expect([...answers.keys()].filter((status) => status !== 201 && status !== 503)).toEqual([]);
    expect(taken.length).toBeGreaterThan(0);

    // Every referral the node took arrives, each looked up by id at the receiving node.
    const missing = new Set(taken);
    await eventually(
      async () => {
        const ids = [...missing].slice(0, 200);
        const found = await Promise.all(
          ids.map(async (id) => ((await ec.request('GET', `/referrals/${id}`)).status === 200 ? id : undefined)),
        );
        for (const id of found) if (id) missing.delete(id);
        return missing.size === 0 ? true : undefined;
      },
      { what: `${taken.length} referrals at EC`, timeoutMs: 300_000, intervalMs: 200 },
    );

    expect(churnOf(await brokerLogFrom(logOffset), groups)).toEqual([]);
  }, 600_000);
});
