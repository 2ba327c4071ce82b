import { randomUUID } from 'node:crypto';
import type { NodeDatabase } from '@enlace/store';
import type { NodeApiClient } from '@enlace/testing';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { NodeApiTestApp } from '../testing/node-api-test-app';

const POLICE = 'co-police';
const MIGRATION = 'co-migration';
const SHELTER = 'co-shelter';
const AGENCIES = [POLICE, MIGRATION, SHELTER] as const;

/**
 * Agencies inside CO's node, over HTTP on node-api as it runs, on the real PostgreSQL: the police unit (the gateway
 * agency) takes a hotline report, its supervisor screens it and shares it with the migration authority, its focal
 * point turns it into a referral to EC; a shelter's user reads it only once it is shared with the shelter.
 */
describe('agencies inside a node (on the real PostgreSQL)', () => {
  let node: NodeApiTestApp;
  let db: Kysely<NodeDatabase>;
  const clients = new Map<string, NodeApiClient>();

  const as = async (role: string, agency: string | undefined): Promise<NodeApiClient> => {
    const key = `${agency}/${role}`;
    const known = clients.get(key);
    if (known) return known;
    const client = await node.client({
      roles: [role],
      username: `co.${role}.${agency ?? 'none'}`,
      ...(agency ? { agency } : {}),
    });
    clients.set(key, client);
    return client;
  };

  const consent = {
    purpose: 'Assistance and referral to services in Ecuador',
    scope: ['identity', 'case'],
    recipients: ['EC'],
    recordedAt: '2026-03-13T16:00:00Z',
  };
  const referralRequest = {
    toCountry: 'EC',
    reason: 'AdditionalServicesRequired',
    servicesRequested: ['Health'],
    urgency: 'high',
    person: { firstName: 'Rosa', gender: 'Female', nationality: 'CO' },
    consent,
  };

  beforeAll(async () => {
    node = await NodeApiTestApp.start({
      database: 'int_agencies',
      network: 'agencyint',
      settings: { ENLACE_AGENCIES: AGENCIES.join(','), ENLACE_GATEWAY_AGENCY: POLICE },
    });
    db = await node.scratch.open(2);
  }, 60_000);

  afterAll(async () => {
    await node?.close();
  });

  const idsIn = (body: unknown): string[] => (body as { items: { id: string }[] }).items.map((item) => item.id);

  it('should keep an intake and its referral to the agencies that own or were given them', async () => {
    const hotline = await as('hotline', POLICE);
    const policeSupervisor = await as('supervisor', POLICE);
    const migrationSupervisor = await as('supervisor', MIGRATION);
    const migrationFocal = await as('focal-point', MIGRATION);
    const policeFocal = await as('focal-point', POLICE);
    const shelterWorker = await as('case-worker', SHELTER);

    const recorded = await hotline.request('POST', '/intakes', {
      channel: 'hotline',
      person: { firstName: 'Rosa', approximateAge: 24, gender: 'Female', nationality: 'CO', believedCountry: 'EC' },
      urgency: 'high',
      consent,
    });
    expect(recorded.status).toBe(201);
    const intakeId = (recorded.body as { id: string }).id;
    expect(
      (await db.selectFrom('intakes').select('agency').where('id', '=', intakeId).executeTakeFirst())?.agency,
    ).toBe(POLICE);

    // the migration authority neither reads nor lists it, nor learns that it exists
    expect((await migrationSupervisor.request('GET', `/intakes/${intakeId}`)).status).toBe(404);
    expect(idsIn((await migrationSupervisor.request('GET', '/intakes')).body)).not.toContain(intakeId);
    expect((await migrationSupervisor.request('GET', `/cases/${intakeId}/shares`)).status).toBe(404);

    expect(
      (await policeSupervisor.request('POST', `/intakes/${intakeId}/screen`, { outcome: 'presumed-victim' })).status,
    ).toBe(200);
    const shared = await policeSupervisor.request('PUT', `/cases/${intakeId}/shares/${MIGRATION}`, {
      reason: 'Migration status to be checked',
    });
    expect(shared.status).toBe(200);
    expect(shared.body).toMatchObject({
      id: intakeId,
      kind: 'intake',
      owner: POLICE,
      shares: [{ agency: MIGRATION, reason: 'Migration status to be checked', sharedBy: `co.supervisor.${POLICE}` }],
    });
    expect((await migrationSupervisor.request('GET', `/intakes/${intakeId}`)).status).toBe(200);
    expect(idsIn((await migrationSupervisor.request('GET', '/intakes')).body)).toContain(intakeId);
    // an agency given the intake reads it but does not pass it on
    expect(
      (await migrationSupervisor.request('PUT', `/cases/${intakeId}/shares/${SHELTER}`, { reason: 'shelter' })).status,
    ).toBe(403);

    // only the gateway agency sends across the border: the migration authority's focal point is refused, unwritten
    const refused = await migrationFocal.request('POST', `/intakes/${intakeId}/referral`, {
      toCountry: 'EC',
      reason: 'AdditionalServicesRequired',
      servicesRequested: ['Health'],
    });
    expect(refused.status).toBe(403);
    expect(await db.selectFrom('cases').select('id').execute()).toEqual([]);

    const converted = await policeFocal.request('POST', `/intakes/${intakeId}/referral`, {
      toCountry: 'EC',
      reason: 'AdditionalServicesRequired',
      servicesRequested: ['Health'],
    });
    expect(converted.status).toBe(201);
    const referralId = (converted.body as { id: string }).id;
    const sharing = await policeFocal.request('GET', `/cases/${referralId}/shares`);
    expect(sharing.body).toMatchObject({ kind: 'case', owner: POLICE, shares: [{ agency: MIGRATION }] });
    // what goes to EC names the country, never the agency
    const outbox = await db.selectFrom('outbox').selectAll().where('case_id', '=', referralId).execute();
    expect(outbox).toHaveLength(1);
    expect(JSON.stringify(outbox)).not.toContain('co-');

    // the shelter, not given the case, reads nothing of it
    const hidden = await shelterWorker.request('GET', `/referrals/${referralId}`);
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body)).not.toContain('Rosa');
    expect((await shelterWorker.request('GET', `/referrals/${referralId}/person`)).status).toBe(404);
    expect(idsIn((await shelterWorker.request('GET', '/referrals')).body)).not.toContain(referralId);

    expect(
      (await policeSupervisor.request('PUT', `/cases/${referralId}/shares/${SHELTER}`, { reason: 'Placement' })).status,
    ).toBe(200);
    const seen = await shelterWorker.request('GET', `/referrals/${referralId}/person`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ person: { firstName: 'Rosa' } });
    expect(idsIn((await shelterWorker.request('GET', '/referrals')).body)).toContain(referralId);
    // reading is not speaking for the country: the shelter cannot withdraw the referral
    expect(
      (await shelterWorker.request('POST', `/referrals/${referralId}/withdraw`, { reason: 'no longer needed' })).status,
    ).toBe(403);
    // nor do the gateway agency's supervisor and case worker: only its focal points speak for the country
    for (const speaker of [policeSupervisor, await as('case-worker', POLICE)]) {
      expect(
        (await speaker.request('POST', `/referrals/${referralId}/withdraw`, { reason: 'no longer needed' })).status,
      ).toBe(403);
    }
    expect(
      await db.selectFrom('outbox').select('envelope_id').where('case_id', '=', referralId).execute(),
    ).toHaveLength(1);

    expect((await policeSupervisor.request('DELETE', `/cases/${referralId}/shares/${SHELTER}`)).status).toBe(200);
    expect((await shelterWorker.request('GET', `/referrals/${referralId}`)).status).toBe(404);
    expect((await policeSupervisor.request('DELETE', `/cases/${referralId}/shares/${SHELTER}`)).status).toBe(404);

    // the sharing is audited: who, for which agency, which case, with which agency — never the reason
    const audited = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'PUT /api/v1/cases/:id/shares/:agency')
      .execute();
    expect(audited.map((row) => row.resource)).toEqual(
      expect.arrayContaining([
        { case: referralId, agency: SHELTER },
        { case: intakeId, agency: MIGRATION },
      ]),
    );
    expect(audited[0]?.actor).toMatchObject({ agency: POLICE, roles: ['supervisor'] });
    expect(JSON.stringify(audited)).not.toContain('Placement');
  }, 60_000);

  it('should refuse a token naming an agency the node does not have, and a share with one', async () => {
    expect((await (await as('supervisor', 'co-unknown')).request('GET', '/referrals')).status).toBe(403);
    const created = await (await as('focal-point', POLICE)).request('POST', '/referrals', referralRequest);
    const id = (created.body as { id: string }).id;
    const supervisor = await as('supervisor', POLICE);
    expect((await supervisor.request('PUT', `/cases/${id}/shares/co-unknown`, { reason: 'x' })).status).toBe(422);
    expect((await supervisor.request('PUT', `/cases/${id}/shares/${POLICE}`, { reason: 'x' })).status).toBe(409);
    expect((await supervisor.request('PUT', `/cases/${id}/shares/${SHELTER}`, {})).status).toBe(400);
    expect(
      (await (await as('case-worker', POLICE)).request('PUT', `/cases/${id}/shares/${SHELTER}`, { reason: 'x' }))
        .status,
    ).toBe(403);
    // a token that names no agency is the gateway agency's
    expect((await (await as('case-worker', undefined)).request('GET', `/referrals/${id}`)).status).toBe(200);
    expect(await (await as('supervisor', MIGRATION)).request('GET', '/agencies')).toMatchObject({
      body: { agencies: [...AGENCIES], gateway: POLICE, yours: MIGRATION },
    });
  }, 30_000);

  it('should merge an intake into an existing case of the same person, only one the supervisor’s agency may read', async () => {
    const created = await (await as('focal-point', POLICE)).request('POST', '/referrals', referralRequest);
    const caseId = (created.body as { id: string }).id;
    const record = async (agency: string) => {
      const response = await (
        await as('hotline', agency)
      ).request('POST', '/intakes', { channel: 'online', urgency: 'low' });
      return (response.body as { id: string }).id;
    };
    const shelterIntake = await record(SHELTER);
    const shelterSupervisor = await as('supervisor', SHELTER);
    // the shelter's supervisor may not read the police's case: no merge into it, and nothing learnt of it
    const refused = await shelterSupervisor.request('POST', `/intakes/${shelterIntake}/merge`, { caseId });
    expect(refused.status).toBe(422);
    expect((await shelterSupervisor.request('GET', `/intakes/${shelterIntake}`)).body).toMatchObject({
      status: 'recorded',
    });

    const policeIntake = await record(POLICE);
    const policeSupervisor = await as('supervisor', POLICE);
    const merged = await policeSupervisor.request('POST', `/intakes/${policeIntake}/merge`, { caseId });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      status: 'merged',
      case: { protocol: 'referral', caseId },
      allowedActions: ['erase'],
    });
    expect((await policeSupervisor.request('POST', `/intakes/${policeIntake}/merge`, { caseId })).status).toBe(409);
    expect(
      (await policeSupervisor.request('POST', `/intakes/${await record(POLICE)}/merge`, { caseId: randomUUID() }))
        .status,
    ).toBe(422);
    // one case, as before: the merge made none
    expect(await db.selectFrom('cases').select('id').where('id', '=', caseId).execute()).toHaveLength(1);
  }, 30_000);

  it('should list the cases of one agency on asking, among those the caller may read, in the query', async () => {
    const policeFocal = await as('focal-point', POLICE);
    const own = (await policeFocal.request('POST', '/referrals', referralRequest)).body as { id: string };
    // the migration authority's intake, given to the police, becomes a referral the migration authority owns
    const recorded = await (
      await as('hotline', MIGRATION)
    ).request('POST', '/intakes', { channel: 'hotline', urgency: 'high', consent, person: { firstName: 'Lucía' } });
    const intakeId = (recorded.body as { id: string }).id;
    const migrationSupervisor = await as('supervisor', MIGRATION);
    await migrationSupervisor.request('POST', `/intakes/${intakeId}/screen`, { outcome: 'presumed-victim' });
    await migrationSupervisor.request('PUT', `/cases/${intakeId}/shares/${POLICE}`, { reason: 'To refer to EC' });
    const converted = await policeFocal.request('POST', `/intakes/${intakeId}/referral`, {
      toCountry: 'EC',
      reason: 'AdditionalServicesRequired',
      servicesRequested: ['Health'],
    });
    expect(converted.status).toBe(201);
    const theirs = (converted.body as { id: string }).id;
    expect(
      (await db.selectFrom('cases').select('agency').where('id', '=', theirs).executeTakeFirstOrThrow()).agency,
    ).toBe(MIGRATION);

    const listed = async (client: NodeApiClient, query: string) =>
      idsIn((await client.request('GET', `/referrals${query}`)).body);
    expect(await listed(policeFocal, '')).toEqual(expect.arrayContaining([own.id, theirs]));
    expect(await listed(policeFocal, `?agency=${MIGRATION}`)).toEqual([theirs]);
    const police = await listed(policeFocal, `?agency=${POLICE}`);
    expect(police).toContain(own.id);
    expect(police).not.toContain(theirs);
    expect(await listed(policeFocal, `?agency=${SHELTER}`)).toEqual([]);
    // the filter narrows what the caller reads, never widens it: the police's own case stays hidden from migration
    expect(await listed(migrationSupervisor, `?agency=${POLICE}`)).not.toContain(own.id);
    expect(await listed(migrationSupervisor, `?agency=${MIGRATION}`)).toEqual([theirs]);
    // pages of one agency's list carry on with the same filter, and a cursor of another list is refused
    const first = await policeFocal.request('GET', `/referrals?agency=${POLICE}&limit=1`);
    const cursor = (first.body as { nextCursor?: string }).nextCursor ?? '';
    expect(cursor).not.toBe('');
    expect((await policeFocal.request('GET', `/referrals?agency=${POLICE}&limit=1&cursor=${cursor}`)).status).toBe(200);
    expect((await policeFocal.request('GET', `/referrals?agency=${MIGRATION}&limit=1&cursor=${cursor}`)).status).toBe(
      400,
    );

    for (const bad of ['CO-Police', 'co police', `a${'b'.repeat(63)}`]) {
      const refused = await policeFocal.request('GET', `/referrals?agency=${encodeURIComponent(bad)}`);
      expect([bad, refused.status, refused.contentType]).toEqual([bad, 400, expect.stringContaining('problem+json')]);
      expect(refused.body).toMatchObject({ errors: [{ field: 'agency' }] });
    }
    expect((await policeFocal.request('GET', `/returns?agency=${MIGRATION}`)).status).toBe(200);
    expect((await policeFocal.request('GET', `/reintegrations?agency=${MIGRATION}`)).status).toBe(200);
    expect((await policeFocal.request('GET', '/returns?agency=-x')).status).toBe(400);
  }, 30_000);

  it('should never let a user read a case neither owned by nor shared with their agency, whatever the sharing', async () => {
    const focal = await as('focal-point', POLICE);
    const supervisor = await as('supervisor', POLICE);
    const cases: string[] = [];
    for (let index = 0; index < 3; index++) {
      const created = await focal.request('POST', '/referrals', referralRequest);
      cases.push((created.body as { id: string }).id);
    }
    const others = [MIGRATION, SHELTER] as const;
    const operation = fc.record({
      share: fc.boolean(),
      caseIndex: fc.integer({ min: 0, max: cases.length - 1 }),
      agency: fc.constantFrom(...others),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 8 }), async (operations) => {
        await db.deleteFrom('case_shares').where('case_id', 'in', cases).execute();
        const model = new Set<string>();
        for (const { share, caseIndex, agency } of operations) {
          const id = cases[caseIndex] as string;
          const path = `/cases/${id}/shares/${agency}`;
          const answer = share
            ? await supervisor.request('PUT', path, { reason: 'property' })
            : await supervisor.request('DELETE', path);
          expect(answer.status).toBe(share || model.has(`${id}/${agency}`) ? 200 : 404);
          if (share) model.add(`${id}/${agency}`);
          else model.delete(`${id}/${agency}`);
          for (const reader of others) {
            const client = await as('case-worker', reader);
            const listed = idsIn((await client.request('GET', '/referrals')).body);
            for (const caseId of cases) {
              const allowed = model.has(`${caseId}/${reader}`);
              expect([reader, caseId, listed.includes(caseId)]).toEqual([reader, caseId, allowed]);
              const read = await client.request('GET', `/referrals/${caseId}`);
              expect([reader, caseId, read.status]).toEqual([reader, caseId, allowed ? 200 : 404]);
            }
          }
        }
      }),
      { numRuns: 15, seed: 16 },
    );
  }, 120_000);
});
