import { randomUUID } from 'node:crypto';
import { DEMO_COUNTRIES } from '@enlace/local-infra';
import type { NodeApiClient } from '@enlace/client';
import type { NodeApi } from '@enlace/contracts';
import { eventually } from '@enlace/testing';
import { ScenarioNetwork } from './support/scenario-network';

type ReferralView = NodeApi.components['schemas']['ReferralView'];

/** The referral as one end shows it, once it shows `status`. */
async function referralIn(client: NodeApiClient, label: string, id: string, status: string): Promise<ReferralView> {
  return eventually(
    async () => {
      const { data, response } = await client.GET('/referrals/{id}', { params: { path: { id } } });
      return response.status === 200 && data?.status === status ? data : undefined;
    },
    { what: `${label} to show referral ${id} ${status}`, timeoutMs: 30_000, intervalMs: 50 },
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
      network.api('CO', 'co.hotline'),
      network.api('CO', 'co.supervisor'),
      network.api('CO', 'co.migration.supervisor'),
      network.api('CO', 'co.shelter.caseworker'),
      network.api('CO', 'co.focal'),
      network.api('EC', 'ec.focal'),
    ]);
  }, 180_000);

  afterAll(async () => {
    await network?.stop();
  }, 60_000);

  it('should keep the case to the agencies given it, from the call to EC’s acceptance', async () => {
    const [police, migrationAuthority, shelterAgency] = agenciesOf('CO');
    const recorded = await hotline.POST('/intakes', {
      body: {
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
      },
    });
    expect(recorded.response.status).toBe(201);
    const intakeId = recorded.data?.id ?? '';
    const intake = { params: { path: { id: intakeId } } };
    expect((await migration.GET('/intakes/{id}', intake)).response.status).toBe(404);

    expect(
      (await supervisor.POST('/intakes/{id}/screen', { ...intake, body: { outcome: 'presumed-victim' } })).response
        .status,
    ).toBe(200);
    const shared = await supervisor.PUT('/cases/{id}/shares/{agency}', {
      params: { path: { id: intakeId, agency: migrationAuthority ?? '' } },
      body: { reason: 'Her migration status, before the referral' },
    });
    expect(shared.data).toMatchObject({ owner: police, shares: [{ agency: migrationAuthority }] });
    expect((await migration.GET('/intakes/{id}', intake)).response.status).toBe(200);

    const referred = await focal.POST('/intakes/{id}/referral', {
      ...intake,
      body: {
        toCountry: 'EC',
        reason: 'AdditionalServicesRequired',
        servicesRequested: ['Health', 'SocialCare'],
        consent: {
          purpose: 'Referral for protection and assistance in Ecuador',
          scope: ['identity', 'case'],
          recipients: ['EC'],
          recordedAt: new Date(Date.now() - 60_000).toISOString(),
        },
      },
    });
    expect(referred.response.status).toBe(201);
    const referralId = referred.data?.id ?? '';
    const referral = { params: { path: { id: referralId } } };

    const atEc = await referralIn(ec, 'EC', referralId, 'delivered');
    // EC sees the country: nothing of CO's agencies reaches it
    for (const agency of agenciesOf('CO')) expect(JSON.stringify(atEc)).not.toContain(agency);
    expect((await ec.POST('/referrals/{id}/accept', { ...referral, body: {} })).response.status).toBe(200);
    await referralIn(focal, 'CO', referralId, 'accepted');
    // the migration authority was given the intake, so it keeps the case made from it
    expect((await migration.GET('/referrals/{id}', referral)).response.status).toBe(200);

    // the shelter, not given the case, reads nothing of it: not the case, not the person, not in its list
    const hidden = await shelter.GET('/referrals/{id}', referral);
    expect(hidden.response.status).toBe(404);
    expect(JSON.stringify({ data: hidden.data, error: hidden.error })).not.toContain('Valentina');
    expect((await shelter.GET('/referrals/{id}/person', referral)).response.status).toBe(404);
    const listed = await shelter.GET('/referrals');
    expect(listed.data?.items.map((item) => item.id)).not.toContain(referralId);

    expect(
      (
        await supervisor.PUT('/cases/{id}/shares/{agency}', {
          params: { path: { id: referralId, agency: shelterAgency ?? '' } },
          body: { reason: 'Placement' },
        })
      ).response.status,
    ).toBe(200);
    const seen = await shelter.GET('/referrals/{id}', referral);
    expect(seen.response.status).toBe(200);
    expect(seen.data).toMatchObject({ status: 'accepted', person: { firstName: 'Valentina' } });
  });
});
