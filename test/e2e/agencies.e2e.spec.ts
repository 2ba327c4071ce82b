import { randomUUID } from 'node:crypto';
import { DEMO_COUNTRIES } from '@enlace/local-infra';
import { NodeApiClient, eventually } from '@enlace/testing';
import { ScenarioNetwork } from './support/scenario-network';

interface ReferralView {
  id: string;
  status: string;
  person?: { firstName: string };
}

/** The referral as one end shows it, once it shows `status`. */
async function referralIn(client: NodeApiClient, id: string, status: string): Promise<ReferralView> {
  return eventually(
    async () => {
      const view = await client.request<ReferralView>('GET', `/referrals/${id}`);
      return view.status === 200 && view.body.status === status ? view.body : undefined;
    },
    { what: `${client.apiUrl} to show referral ${id} ${status}`, timeoutMs: 30_000, intervalMs: 50 },
  );
}

const agenciesOf = (country: string): readonly string[] =>
  DEMO_COUNTRIES.find((member) => member.country === country)?.agencies ?? [];

/**
 * Issue 16, agencies, over the real broker with the demo's agencies: the police unit's hotline operator at CO (the
 * gateway agency) records a call about a woman believed to be in Ecuador; a CO supervisor screens it as a presumed
 * victim and shares it with the migration authority; the focal point turns it into a referral to EC, which accepts
 * it; a shelter's user, not given the case, reads nothing of it until it is shared with the shelter. EC sees the
 * country, never the agency.
 */
describe('agencies inside CO: an intake shared, referred to EC, and shown to a shelter only once shared', () => {
  const marker = `Za${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  let network: ScenarioNetwork;
  let hotline: NodeApiClient;
  let supervisor: NodeApiClient;
  let migration: NodeApiClient;
  let shelter: NodeApiClient;
  let focal: NodeApiClient;
  let ec: NodeApiClient;

  beforeAll(async () => {
    network = await ScenarioNetwork.start(
      'agencies',
      ['CO', 'EC'],
      {},
      {
        CO: agenciesOf('CO'),
        EC: agenciesOf('EC'),
      },
    );
    [hotline, supervisor, migration, shelter, focal, ec] = await Promise.all([
      network.client('CO', 'co.hotline'),
      network.client('CO', 'co.supervisor'),
      network.client('CO', 'co.migration.supervisor'),
      network.client('CO', 'co.shelter.caseworker'),
      network.client('CO', 'co.focal'),
      network.client('EC', 'ec.focal'),
    ]);
  }, 180_000);

  afterAll(async () => {
    await network?.stop();
  }, 60_000);

  it('should keep the case to the agencies given it, from the call to EC’s acceptance', async () => {
    const [police, migrationAuthority, shelterAgency] = agenciesOf('CO');
    const recorded = await hotline.request<{ id: string }>('POST', '/intakes', {
      channel: 'hotline',
      person: {
        firstName: 'Valentina',
        approximateAge: 23,
        gender: 'Female',
        nationality: 'CO',
        believedCountry: 'EC',
      },
      situation: `Left for a job offer found online ${marker}`,
      urgency: 'high',
    });
    expect(recorded.status).toBe(201);
    const intakeId = recorded.body.id;
    expect((await migration.request('GET', `/intakes/${intakeId}`)).status).toBe(404);

    expect(
      (await supervisor.request('POST', `/intakes/${intakeId}/screen`, { outcome: 'presumed-victim' })).status,
    ).toBe(200);
    const shared = await supervisor.request('PUT', `/cases/${intakeId}/shares/${migrationAuthority}`, {
      reason: 'Her migration status, before the referral',
    });
    expect(shared.body).toMatchObject({ owner: police, shares: [{ agency: migrationAuthority }] });
    expect((await migration.request('GET', `/intakes/${intakeId}`)).status).toBe(200);

    const referred = await focal.request<ReferralView>('POST', `/intakes/${intakeId}/referral`, {
      toCountry: 'EC',
      reason: 'AdditionalServicesRequired',
      servicesRequested: ['Health', 'SocialCare'],
      consent: {
        purpose: 'Referral for protection and assistance in Ecuador',
        scope: ['identity', 'case'],
        recipients: ['EC'],
        recordedAt: new Date(Date.now() - 60_000).toISOString(),
      },
    });
    expect(referred.status).toBe(201);
    const referralId = referred.body.id;

    const atEc = await referralIn(ec, referralId, 'delivered');
    // EC sees the country: nothing of CO's agencies reaches it
    for (const agency of agenciesOf('CO')) expect(JSON.stringify(atEc)).not.toContain(agency);
    expect((await ec.request('POST', `/referrals/${referralId}/accept`, {})).status).toBe(200);
    await referralIn(focal, referralId, 'accepted');
    // the migration authority was given the intake, so it keeps the case made from it
    expect((await migration.request('GET', `/referrals/${referralId}`)).status).toBe(200);

    // the shelter, not given the case, reads nothing of it: not the case, not the person, not in its list
    const hidden = await shelter.request('GET', `/referrals/${referralId}`);
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body)).not.toContain('Valentina');
    expect((await shelter.request('GET', `/referrals/${referralId}/person`)).status).toBe(404);
    const listed = await shelter.request<{ items: { id: string }[] }>('GET', '/referrals');
    expect(listed.body.items.map((item) => item.id)).not.toContain(referralId);

    expect(
      (await supervisor.request('PUT', `/cases/${referralId}/shares/${shelterAgency}`, { reason: 'Placement' })).status,
    ).toBe(200);
    const seen = await shelter.request<ReferralView>('GET', `/referrals/${referralId}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: 'accepted', person: { firstName: 'Valentina' } });
  });
});
