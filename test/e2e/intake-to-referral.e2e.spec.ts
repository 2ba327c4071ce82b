import { randomUUID } from 'node:crypto';
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

/**
 * Issue 16, intake: over the real broker, a CO hotline operator records a call about a woman believed to be in
 * Ecuador, a CO supervisor screens it as a presumed victim, a CO focal point turns it into a referral to EC without
 * typing again what the intake holds, and EC receives it — the referral, never the intake's own notes.
 */
describe('an intake at CO turned into a referral to EC', () => {
  const marker = `Zh${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  let network: ScenarioNetwork;
  let hotline: NodeApiClient;
  let supervisor: NodeApiClient;
  let focal: NodeApiClient;
  let ec: NodeApiClient;
  let intakeId: string;
  let referralId: string;

  beforeAll(async () => {
    network = await ScenarioNetwork.start('intake', ['CO', 'EC'], {});
    [hotline, supervisor, focal, ec] = await Promise.all([
      network.api('CO', 'hotline'),
      network.api('CO', 'supervisor'),
      network.api('CO', 'focal'),
      network.api('EC', 'focal'),
    ]);
  }, 180_000);

  afterAll(async () => {
    await network?.stop();
  }, 60_000);

  it('should let the hotline operator record the call, and keep it at CO', async () => {
    const recorded = await hotline.POST('/intakes', {
      body: {
        channel: 'hotline',
        reporter: { relationship: 'family', name: `Mother ${marker}`, contact: '+57 300 000 0000' },
        person: {
          firstName: 'Valentina',
          approximateAge: 23,
          gender: 'Female',
          nationality: 'CO',
          lastKnownPlace: `Guayaquil ${marker}`,
          believedCountry: 'EC',
        },
        indicators: {
          typeOfExploitation: ['SexualExploitation'],
          methodsOfControl: ['WithholdsDocuments', 'DebtBondage'],
          methodOfRecruitment: ['ThroughOnlineSocialNetworks'],
        },
        situation: 'Left for a job offer found online; her documents were taken; calls home rarely and afraid.',
        urgency: 'high',
      },
    });

    expect(recorded.response.status).toBe(201);
    intakeId = recorded.data?.id ?? '';
    expect(recorded.data?.status).toBe('recorded');
    // The hotline operator takes calls; the country's cases are not theirs to read.
    expect((await hotline.GET('/referrals')).response.status).toBe(403);
  });

  it('should let the supervisor screen it as a presumed victim', async () => {
    const intake = { params: { path: { id: intakeId } } };
    const screened = await supervisor.POST('/intakes/{id}/screen', { ...intake, body: { outcome: 'presumed-victim' } });

    expect(screened.response.status).toBe(200);
    expect(screened.data?.status).toBe('presumed-victim');
    const refused = await hotline.POST('/intakes/{id}/screen', { ...intake, body: { outcome: 'presumed-victim' } });
    expect([refused.response.status, refused.response.headers.get('content-type')]).toEqual([
      403,
      expect.stringContaining('application/problem+json'),
    ]);
  });

  it('should let the focal point turn it into a referral to EC that EC receives and accepts', async () => {
    const path = { params: { path: { id: intakeId } } };
    const intake = await focal.GET('/intakes/{id}', path);
    expect(intake.data?.allowedActions).toEqual(['referral', 'return']);

    const referred = await focal.POST('/intakes/{id}/referral', {
      ...path,
      body: {
        toCountry: 'EC',
        reason: 'AdditionalServicesRequired',
        servicesRequested: ['Health', 'SocialCare', 'Legal'],
        // What the intake lacks: her own consent, given when the consulate reached her.
        consent: {
          purpose: 'Referral for protection and assistance in Ecuador',
          scope: ['identity', 'case'],
          recipients: ['EC'],
          recordedAt: new Date(Date.now() - 60_000).toISOString(),
        },
      },
    });
    expect(referred.response.status).toBe(201);
    referralId = referred.data?.id ?? '';
    expect(referred.data?.links).toEqual({ intakeId });

    const atEc = await referralIn(ec, 'EC', referralId, 'delivered');
    expect(atEc).toMatchObject({
      direction: 'incoming',
      person: { firstName: 'Valentina' },
      reasonDetails: expect.stringContaining('documents were taken'),
    });
    // The intake itself stays at CO: not its id, nor the reporter, nor the operator's notes of the place.
    expect(atEc.links).toBeUndefined();
    expect(JSON.stringify(atEc)).not.toContain(marker);
    expect((await ec.GET('/intakes/{id}', path)).response.status).toBe(404);

    const referral = { params: { path: { id: referralId } } };
    expect((await ec.POST('/referrals/{id}/accept', { ...referral, body: {} })).response.status).toBe(200);
    await referralIn(focal, 'CO', referralId, 'accepted');
    const converted = await focal.GET('/intakes/{id}', path);
    expect(converted.data).toMatchObject({ status: 'converted', case: { protocol: 'referral', caseId: referralId } });
  });
});
