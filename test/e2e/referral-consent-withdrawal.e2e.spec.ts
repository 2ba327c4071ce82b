import { randomUUID } from 'node:crypto';
import type { NodeApiClient } from '@enlace/client';
import type { NodeApi } from '@enlace/contracts';
import { eventually } from '@enlace/testing';
import { ScenarioNetwork } from './support/scenario-network';

type ReferralView = NodeApi.components['schemas']['ReferralView'];

/** The referral as one end shows it, once `ready` holds. */
async function viewIn(client: NodeApiClient, id: string, what: string, ready: (view: ReferralView) => boolean) {
  return eventually(
    async () => {
      const { data } = await client.GET('/referrals/{id}', { params: { path: { id } } });
      return data && ready(data) ? data : undefined;
    },
    { what: `referral ${id} ${what}`, timeoutMs: 30_000, intervalMs: 50 },
  );
}

describe('consent withdrawn on a referral, and privacy at rest (e2e, real Kafka and PostgreSQL)', () => {
  let network: ScenarioNetwork;
  let co: NodeApiClient;
  let ec: NodeApiClient;

  beforeAll(async () => {
    network = await ScenarioNetwork.start('consent', ['CO', 'EC'], {});
    [co, ec] = await Promise.all([network.api('CO'), network.api('EC')]);
  }, 240_000);

  afterAll(async () => {
    await network?.stop();
  }, 60_000);

  it('should stop the referral at both ends, erase the person at EC (in no file of its database) and show CO the confirmation', async () => {
    const marker = `Zz${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const created = await co.POST('/referrals', {
      body: {
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
      },
    });
    expect(created.response.status).toBe(201);
    const id = created.data?.id ?? '';
    const path = { params: { path: { id } } };
    const delivered = await viewIn(ec, id, 'delivered', (view) => view.status === 'delivered');

    // Before: both APIs open the person's data, none of it rests in clear in either node's database files; a canary
    // written in clear into EC's database is found, so the scan would see the marker if it were there.
    expect([delivered.person?.firstName, delivered.reasonDetails, delivered.consent?.purpose]).toEqual([
      marker,
      `Shelter for ${marker} on arrival`,
      `Referral of ${marker}`,
    ]);
    const person = await ec.GET('/referrals/{id}/person', path);
    expect([person.response.status, person.data?.person?.firstName]).toEqual([200, marker]);
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
      await network.api('CO', 'caseworker')
    ).POST('/referrals/{id}/withdraw-consent', { ...path, body: {} });
    expect(byCaseWorker.response.status).toBe(403);
    // CO's focal point withdraws consent: CO erases at once, EC stops, erases and confirms.
    const withdrawn = await (
      await network.api('CO', 'focal')
    ).POST('/referrals/{id}/withdraw-consent', { ...path, body: {} });
    expect([withdrawn.response.status, withdrawn.data?.status]).toEqual([200, 'consent-withdrawn']);
    expect([withdrawn.data?.person, withdrawn.data?.consent, withdrawn.data?.reasonDetails]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(withdrawn.data?.erasure?.erasedAt).toEqual(expect.any(String));
    expect(withdrawn.data?.allowedActions).toEqual([]);

    const erased = await viewIn(ec, id, 'consent-withdrawn and erased', (view) => view.erasure !== undefined);
    expect([erased.status, erased.person, erased.consent, erased.reasonDetails]).toEqual([
      'consent-withdrawn',
      undefined,
      undefined,
      undefined,
    ]);
    const refused = await ec.POST('/referrals/{id}/accept', { ...path, body: {} });
    expect(refused.response.status).toBe(409);

    const confirmed = await viewIn(co, id, 'confirmed by EC', (view) =>
      Boolean(view.erasure?.confirmedBy.some((confirmation) => confirmation.country === 'EC')),
    );
    expect(confirmed.status).toBe('consent-withdrawn');

    // After: 410 Gone as problem+json at both ends, and the marker in no file of EC's database (the .sqlite and its
    // -wal and -shm, no checkpoint forced) nor of CO's, nor in any log.
    for (const client of [ec, co]) {
      const gone = await client.GET('/referrals/{id}/person', path);
      const type = gone.response.headers.get('content-type') ?? '';
      // The problem's body, as openapi-fetch parses it (its type is keyed by the problem's media type).
      const problem = gone.error as { title?: string } | undefined;
      expect([gone.response.status, type.includes('application/problem+json'), problem?.title]).toEqual([
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
