import { randomUUID } from 'node:crypto';
import { NodeApiClient, eventually } from '@enlace/testing';
import { ScenarioNetwork } from './support/scenario-network';

interface ReferralView {
  id: string;
  status: string;
  person?: { firstName: string };
  consent?: { purpose: string };
  reasonDetails?: string;
  erasure?: { erasedAt: string; confirmedBy: { country: string }[] };
  allowedActions: string[];
}

interface PersonView {
  caseId: string;
  person?: { firstName: string };
}

interface Problem {
  status: number;
  title: string;
}

/** The referral as one end shows it, once `ready` holds. */
async function viewIn(client: NodeApiClient, id: string, what: string, ready: (view: ReferralView) => boolean) {
  return eventually(
    async () => {
      const view = await client.request<ReferralView>('GET', `/referrals/${id}`);
      return view.status === 200 && ready(view.body) ? view.body : undefined;
    },
    { what: `${client.apiUrl}: referral ${id} ${what}`, timeoutMs: 30_000, intervalMs: 50 },
  );
}

describe('consent withdrawn on a referral, and privacy at rest (e2e, real Kafka and PostgreSQL)', () => {
  let network: ScenarioNetwork;
  let co: NodeApiClient;
  let ec: NodeApiClient;

  beforeAll(async () => {
    network = await ScenarioNetwork.start('consent', ['CO', 'EC'], {});
    [co, ec] = await Promise.all([network.client('CO'), network.client('EC')]);
  }, 240_000);

  afterAll(async () => {
    await network?.stop();
  }, 60_000);

  it('should stop the referral at both ends, erase the person at EC (in no file of its database) and show CO the confirmation', async () => {
    const marker = `Zz${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const created = await co.request<ReferralView>('POST', '/referrals', {
      toCountry: 'EC',
      reason: 'AdditionalServicesRequired',
      reasonDetails: `Shelter for ${marker} on arrival`,
      servicesRequested: ['Health'],
      urgency: 'high',
      person: { firstName: marker, secondName: 'Rojas', gender: 'Female', nationality: 'CO' },
      consent: {
        purpose: `Referral of ${marker}`,
        scope: ['identity'],
        recordedAt: new Date(Date.now() - 60_000).toISOString(),
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const delivered = await viewIn(ec, id, 'delivered', (view) => view.status === 'delivered');

    // Before: both APIs open the person's data, none of it rests in clear in either node's database files; a canary
    // written in clear into EC's database is found, so the scan would see the marker if it were there.
    expect([delivered.person?.firstName, delivered.reasonDetails, delivered.consent?.purpose]).toEqual([
      marker,
      `Shelter for ${marker} on arrival`,
      `Referral of ${marker}`,
    ]);
    const person = await ec.request<PersonView>('GET', `/referrals/${id}/person`);
    expect([person.status, person.body.person?.firstName]).toEqual([200, marker]);
    const canary = `Canary${randomUUID().replace(/-/g, '')}`;
    await network.writeCanary('EC', canary);
    const scanned = await network.databaseFilesContaining('EC', canary);
    if (scanned !== undefined) {
      expect(scanned).not.toEqual([]);
      expect(await network.databaseFilesContaining('EC', marker)).toEqual([]);
      expect(await network.databaseFilesContaining('CO', marker)).toEqual([]);
    }

    // the withdrawal speaks across the border: CO's case worker is refused it, CO's focal point records it
    const byCaseWorker = await (
      await network.client('CO', 'caseworker')
    ).request<ReferralView>('POST', `/referrals/${id}/withdraw-consent`, {});
    expect(byCaseWorker.status).toBe(403);
    // CO's focal point withdraws consent: CO erases at once, EC stops, erases and confirms.
    const withdrawn = await (
      await network.client('CO', 'focal')
    ).request<ReferralView>('POST', `/referrals/${id}/withdraw-consent`, {});
    expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'consent-withdrawn']);
    expect([withdrawn.body.person, withdrawn.body.consent, withdrawn.body.reasonDetails]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(withdrawn.body.erasure?.erasedAt).toEqual(expect.any(String));
    expect(withdrawn.body.allowedActions).toEqual([]);

    const erased = await viewIn(ec, id, 'consent-withdrawn and erased', (view) => view.erasure !== undefined);
    expect([erased.status, erased.person, erased.consent, erased.reasonDetails]).toEqual([
      'consent-withdrawn',
      undefined,
      undefined,
      undefined,
    ]);
    const refused = await ec.request<Problem>('POST', `/referrals/${id}/accept`, {});
    expect(refused.status).toBe(409);

    const confirmed = await viewIn(co, id, 'confirmed by EC', (view) =>
      Boolean(view.erasure?.confirmedBy.some((confirmation) => confirmation.country === 'EC')),
    );
    expect(confirmed.status).toBe('consent-withdrawn');

    // After: 410 Gone as problem+json at both ends, and the marker in no file of EC's database (the .sqlite and its
    // -wal and -shm, no checkpoint forced) nor of CO's, nor in any log.
    for (const client of [ec, co]) {
      const gone = await client.request<Problem>('GET', `/referrals/${id}/person`);
      expect([gone.status, gone.contentType.includes('application/problem+json'), gone.body.title]).toEqual([
        410,
        true,
        'Gone',
      ]);
    }
    if (scanned !== undefined) {
      expect(await network.databaseFilesContaining('EC', marker)).toEqual([]);
      expect(await network.databaseFilesContaining('CO', marker)).toEqual([]);
      expect(await network.databaseFilesContaining('EC', canary)).not.toEqual([]);
    }
    expect(await network.logsContaining(marker)).toEqual([]);
  }, 120_000);
});
