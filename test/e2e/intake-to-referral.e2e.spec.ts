import { randomUUID } from 'node:crypto';
import { NodeApiClient, eventually } from '@enlace/testing';
import { ScenarioNetwork } from './support/scenario-network';

interface IntakeView {
  id: string;
  status: string;
  allowedActions: string[];
  case?: { protocol: string; caseId: string };
}

interface ReferralView {
  id: string;
  status: string;
  direction: string;
  person?: { firstName: string };
  reasonDetails?: string;
  links?: { intakeId?: string };
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
      network.client('CO', 'hotline'),
      network.client('CO', 'supervisor'),
      network.client('CO', 'focal'),
      network.client('EC', 'focal'),
    ]);
  }, 180_000);

  afterAll(async () => {
    await network?.stop();
  }, 60_000);

  it('should let the hotline operator record the call, and keep it at CO', async () => {
    const recorded = await hotline.request<IntakeView>('POST', '/intakes', {
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
    });

    expect(recorded.status).toBe(201);
    intakeId = recorded.body.id;
    expect(recorded.body.status).toBe('recorded');
    // The hotline operator takes calls; the country's cases are not theirs to read.
    expect((await hotline.request('GET', '/referrals')).status).toBe(403);
  });

  it('should let the supervisor screen it as a presumed victim', async () => {
    const screened = await supervisor.request<IntakeView>('POST', `/intakes/${intakeId}/screen`, {
      outcome: 'presumed-victim',
    });

    expect(screened.status).toBe(200);
    expect(screened.body.status).toBe('presumed-victim');
    const refused = await hotline.request('POST', `/intakes/${intakeId}/screen`, { outcome: 'presumed-victim' });
    expect([refused.status, refused.contentType]).toEqual([403, expect.stringContaining('application/problem+json')]);
  });

  it('should let the focal point turn it into a referral to EC that EC receives and accepts', async () => {
    const intake = await focal.request<IntakeView>('GET', `/intakes/${intakeId}`);
    expect(intake.body.allowedActions).toEqual(['referral', 'return']);

    const referred = await focal.request<ReferralView>('POST', `/intakes/${intakeId}/referral`, {
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
    });
    expect(referred.status).toBe(201);
    referralId = referred.body.id;
    expect(referred.body.links).toEqual({ intakeId });

    const atEc = await referralIn(ec, referralId, 'delivered');
    expect(atEc).toMatchObject({
      direction: 'incoming',
      person: { firstName: 'Valentina' },
      reasonDetails: expect.stringContaining('documents were taken'),
    });
    // The intake itself stays at CO: not its id, nor the reporter, nor the operator's notes of the place.
    expect(atEc.links).toBeUndefined();
    expect(JSON.stringify(atEc)).not.toContain(marker);
    expect((await ec.request('GET', `/intakes/${intakeId}`)).status).toBe(404);

    expect((await ec.request('POST', `/referrals/${referralId}/accept`, {})).status).toBe(200);
    await referralIn(focal, referralId, 'accepted');
    const converted = await focal.request<IntakeView>('GET', `/intakes/${intakeId}`);
    expect(converted.body).toMatchObject({ status: 'converted', case: { protocol: 'referral', caseId: referralId } });
  });
});
