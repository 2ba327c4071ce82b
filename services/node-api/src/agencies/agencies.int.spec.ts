import { randomUUID } from 'node:crypto';
import { type PersonalDataVault, SealedUse } from '@enlace/privacy';
import type { NodeDatabase } from '@enlace/store';
import type { NodeApiClient } from '@enlace/client';
import type { NodeApi } from '@enlace/contracts';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { PERSONAL_DATA_VAULT } from '../privacy/privacy.tokens';
import { NodeApiTestApp } from '../testing/node-api-test-app';

const POLICE = 'co-police';
const MIGRATION = 'co-migration';
const SHELTER = 'co-shelter';
const AGENCIES = [POLICE, MIGRATION, SHELTER] as const;

type ReferralRequest = NonNullable<NodeApi.operations['createReferral']['requestBody']>['content']['application/json'];

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
    const client = await node.typedClient({
      roles: [role],
      username: `co.${role}.${agency ?? 'none'}`,
      ...(agency ? { agency } : {}),
    });
    clients.set(key, client);
    return client;
  };

  const consent: ReferralRequest['consent'] = {
    purpose: 'Assistance and referral to services in Ecuador',
    scope: ['identity', 'case'],
    recipients: ['EC'],
    recordedAt: '2026-03-13T16:00:00Z',
  };
  const referralRequest: ReferralRequest = {
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

  const idsIn = (list: { items: { id: string }[] } | undefined): string[] => (list?.items ?? []).map((item) => item.id);

  it('should keep an intake and its referral to the agencies that own or were given them', async () => {
    const hotline = await as('hotline', POLICE);
    const policeSupervisor = await as('supervisor', POLICE);
    const migrationSupervisor = await as('supervisor', MIGRATION);
    const migrationFocal = await as('focal-point', MIGRATION);
    const policeFocal = await as('focal-point', POLICE);
    const shelterWorker = await as('case-worker', SHELTER);

    const recorded = await hotline.POST('/intakes', {
      body: {
        channel: 'hotline',
        person: { firstName: 'Rosa', approximateAge: 24, gender: 'Female', nationality: 'CO', believedCountry: 'EC' },
        urgency: 'high',
        consent,
      },
    });
    expect(recorded.response.status).toBe(201);
    const intakeId = recorded.data?.id as string;
    expect(
      (await db.selectFrom('intakes').select('agency').where('id', '=', intakeId).executeTakeFirst())?.agency,
    ).toBe(POLICE);

    // the migration authority neither reads nor lists it, nor learns that it exists
    const intake = { params: { path: { id: intakeId } } };
    expect((await migrationSupervisor.GET('/intakes/{id}', intake)).response.status).toBe(404);
    expect(idsIn((await migrationSupervisor.GET('/intakes')).data)).not.toContain(intakeId);
    expect((await migrationSupervisor.GET('/cases/{id}/shares', intake)).response.status).toBe(404);

    expect(
      (await policeSupervisor.POST('/intakes/{id}/screen', { ...intake, body: { outcome: 'presumed-victim' } }))
        .response.status,
    ).toBe(200);
    const shared = await policeSupervisor.PUT('/cases/{id}/shares/{agency}', {
      params: { path: { id: intakeId, agency: MIGRATION } },
      body: { reason: 'Migration status to be checked' },
    });
    expect(shared.response.status).toBe(200);
    expect(shared.data).toMatchObject({
      id: intakeId,
      kind: 'intake',
      owner: POLICE,
      shares: [{ agency: MIGRATION, reason: 'Migration status to be checked', sharedBy: `co.supervisor.${POLICE}` }],
    });
    expect((await migrationSupervisor.GET('/intakes/{id}', intake)).response.status).toBe(200);
    expect(idsIn((await migrationSupervisor.GET('/intakes')).data)).toContain(intakeId);
    // an agency given the intake reads it but does not pass it on
    expect(
      (
        await migrationSupervisor.PUT('/cases/{id}/shares/{agency}', {
          params: { path: { id: intakeId, agency: SHELTER } },
          body: { reason: 'shelter' },
        })
      ).response.status,
    ).toBe(403);

    // only the gateway agency sends across the border: the migration authority's focal point is refused, unwritten
    const conversion = {
      ...intake,
      body: { toCountry: 'EC', reason: 'AdditionalServicesRequired', servicesRequested: ['Health'] },
    } satisfies {
      body: NonNullable<NodeApi.paths['/intakes/{id}/referral']['post']['requestBody']>['content']['application/json'];
    };
    const refused = await migrationFocal.POST('/intakes/{id}/referral', conversion);
    expect(refused.response.status).toBe(403);
    expect(await db.selectFrom('cases').select('id').execute()).toEqual([]);

    const converted = await policeFocal.POST('/intakes/{id}/referral', conversion);
    expect(converted.response.status).toBe(201);
    const referralId = converted.data?.id as string;
    const referral = { params: { path: { id: referralId } } };
    const sharing = await policeFocal.GET('/cases/{id}/shares', referral);
    expect(sharing.data).toMatchObject({ kind: 'case', owner: POLICE, shares: [{ agency: MIGRATION }] });
    // what goes to EC names the country, never the agency
    const outbox = await db.selectFrom('outbox').selectAll().where('case_id', '=', referralId).execute();
    expect(outbox).toHaveLength(1);
    // read in clear, its sealed message opened: base64url ciphertext may hold 'co-' by chance (it has '-')
    const [{ sealed_payload: sealed, ...row }] = outbox as [(typeof outbox)[number]];
    expect(sealed).toEqual(expect.any(String));
    const message = await node.app
      .get<PersonalDataVault>(PERSONAL_DATA_VAULT)
      .open(referralId, SealedUse.outbox(row.envelope_id), sealed ?? '');
    expect(message).toMatchObject({ person: { firstName: 'Rosa' } });
    expect(JSON.stringify({ row, message })).not.toContain('co-');

    // the shelter, not given the case, reads nothing of it
    const hidden = await shelterWorker.GET('/referrals/{id}', referral);
    expect(hidden.response.status).toBe(404);
    expect(JSON.stringify(hidden.error)).not.toContain('Rosa');
    expect((await shelterWorker.GET('/referrals/{id}/person', referral)).response.status).toBe(404);
    expect(idsIn((await shelterWorker.GET('/referrals')).data)).not.toContain(referralId);

    const shelterShare = { params: { path: { id: referralId, agency: SHELTER } } };
    expect(
      (await policeSupervisor.PUT('/cases/{id}/shares/{agency}', { ...shelterShare, body: { reason: 'Placement' } }))
        .response.status,
    ).toBe(200);
    const seen = await shelterWorker.GET('/referrals/{id}/person', referral);
    expect(seen.response.status).toBe(200);
    expect(seen.data).toMatchObject({ person: { firstName: 'Rosa' } });
    expect(idsIn((await shelterWorker.GET('/referrals')).data)).toContain(referralId);
    // reading is not speaking for the country: the shelter cannot withdraw the referral
    expect(
      (await shelterWorker.POST('/referrals/{id}/withdraw', { ...referral, body: { reason: 'no longer needed' } }))
        .response.status,
    ).toBe(403);
    // nor do the gateway agency's supervisor and case worker: only its focal points speak for the country
    for (const speaker of [policeSupervisor, await as('case-worker', POLICE)]) {
      expect(
        (await speaker.POST('/referrals/{id}/withdraw', { ...referral, body: { reason: 'no longer needed' } })).response
          .status,
      ).toBe(403);
    }
    expect(
      await db.selectFrom('outbox').select('envelope_id').where('case_id', '=', referralId).execute(),
    ).toHaveLength(1);

    expect((await policeSupervisor.DELETE('/cases/{id}/shares/{agency}', shelterShare)).response.status).toBe(200);
    expect((await shelterWorker.GET('/referrals/{id}', referral)).response.status).toBe(404);
    expect((await policeSupervisor.DELETE('/cases/{id}/shares/{agency}', shelterShare)).response.status).toBe(404);

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
    expect((await (await as('supervisor', 'co-unknown')).GET('/referrals')).response.status).toBe(403);
    const created = await (await as('focal-point', POLICE)).POST('/referrals', { body: referralRequest });
    const id = created.data?.id as string;
    const supervisor = await as('supervisor', POLICE);
    const share = (agency: string) => ({ params: { path: { id, agency } }, body: { reason: 'x' } });
    expect((await supervisor.PUT('/cases/{id}/shares/{agency}', share('co-unknown'))).response.status).toBe(422);
    expect((await supervisor.PUT('/cases/{id}/shares/{agency}', share(POLICE))).response.status).toBe(409);
    // Raw: a share without its reason breaks the contract on purpose.
    const raw = await node.client({ roles: ['supervisor'], username: `co.supervisor.${POLICE}`, agency: POLICE });
    expect((await raw.request('PUT', `/cases/${id}/shares/${SHELTER}`, {})).status).toBe(400);
    expect(
      (await (await as('case-worker', POLICE)).PUT('/cases/{id}/shares/{agency}', share(SHELTER))).response.status,
    ).toBe(403);
    // a token that names no agency is the gateway agency's
    expect(
      (await (await as('case-worker', undefined)).GET('/referrals/{id}', { params: { path: { id } } })).response.status,
    ).toBe(200);
    expect((await (await as('supervisor', MIGRATION)).GET('/agencies')).data).toMatchObject({
      agencies: [...AGENCIES],
      gateway: POLICE,
      yours: MIGRATION,
    });
  }, 30_000);

  it('should merge an intake into an existing case of the same person, only one the supervisor’s agency may read', async () => {
    const created = await (await as('focal-point', POLICE)).POST('/referrals', { body: referralRequest });
    const caseId = created.data?.id as string;
    const record = async (agency: string) => {
      const { data } = await (
        await as('hotline', agency)
      ).POST('/intakes', { body: { channel: 'online', urgency: 'low' } });
      return data?.id as string;
    };
    const merge = (intakeId: string, into = caseId) => ({ params: { path: { id: intakeId } }, body: { caseId: into } });
    const shelterIntake = await record(SHELTER);
    const shelterSupervisor = await as('supervisor', SHELTER);
    // the shelter's supervisor may not read the police's case: no merge into it, and nothing learnt of it
    const refused = await shelterSupervisor.POST('/intakes/{id}/merge', merge(shelterIntake));
    expect(refused.response.status).toBe(422);
    expect(
      (await shelterSupervisor.GET('/intakes/{id}', { params: { path: { id: shelterIntake } } })).data,
    ).toMatchObject({
      status: 'recorded',
    });

    const policeIntake = await record(POLICE);
    const policeSupervisor = await as('supervisor', POLICE);
    const merged = await policeSupervisor.POST('/intakes/{id}/merge', merge(policeIntake));
    expect(merged.response.status).toBe(200);
    expect(merged.data).toMatchObject({
      status: 'merged',
      case: { protocol: 'referral', caseId },
      allowedActions: ['erase'],
    });
    expect((await policeSupervisor.POST('/intakes/{id}/merge', merge(policeIntake))).response.status).toBe(409);
    expect(
      (await policeSupervisor.POST('/intakes/{id}/merge', merge(await record(POLICE), randomUUID()))).response.status,
    ).toBe(422);
    // one case, as before: the merge made none
    expect(await db.selectFrom('cases').select('id').where('id', '=', caseId).execute()).toHaveLength(1);
  }, 30_000);

  it('should list the cases of one agency on asking, among those the caller may read, in the query', async () => {
    const policeFocal = await as('focal-point', POLICE);
    const own = { id: (await policeFocal.POST('/referrals', { body: referralRequest })).data?.id as string };
    // the migration authority's intake, given to the police, becomes a referral the migration authority owns
    const recorded = await (
      await as('hotline', MIGRATION)
    ).POST('/intakes', { body: { channel: 'hotline', urgency: 'high', consent, person: { firstName: 'Lucía' } } });
    const intakeId = recorded.data?.id as string;
    const migrationSupervisor = await as('supervisor', MIGRATION);
    await migrationSupervisor.POST('/intakes/{id}/screen', {
      params: { path: { id: intakeId } },
      body: { outcome: 'presumed-victim' },
    });
    await migrationSupervisor.PUT('/cases/{id}/shares/{agency}', {
      params: { path: { id: intakeId, agency: POLICE } },
      body: { reason: 'To refer to EC' },
    });
    const converted = await policeFocal.POST('/intakes/{id}/referral', {
      params: { path: { id: intakeId } },
      body: { toCountry: 'EC', reason: 'AdditionalServicesRequired', servicesRequested: ['Health'] },
    });
    expect(converted.response.status).toBe(201);
    const theirs = converted.data?.id as string;
    expect(
      (await db.selectFrom('cases').select('agency').where('id', '=', theirs).executeTakeFirstOrThrow()).agency,
    ).toBe(MIGRATION);

    type ReferralQuery = NonNullable<NodeApi.operations['listReferrals']['parameters']['query']>;
    const listed = async (client: NodeApiClient, query: ReferralQuery) =>
      idsIn((await client.GET('/referrals', { params: { query } })).data);
    expect(await listed(policeFocal, {})).toEqual(expect.arrayContaining([own.id, theirs]));
    expect(await listed(policeFocal, { agency: MIGRATION })).toEqual([theirs]);
    const police = await listed(policeFocal, { agency: POLICE });
    expect(police).toContain(own.id);
    expect(police).not.toContain(theirs);
    expect(await listed(policeFocal, { agency: SHELTER })).toEqual([]);
    // the filter narrows what the caller reads, never widens it: the police's own case stays hidden from migration
    expect(await listed(migrationSupervisor, { agency: POLICE })).not.toContain(own.id);
    expect(await listed(migrationSupervisor, { agency: MIGRATION })).toEqual([theirs]);
    // pages of one agency's list carry on with the same filter, and a cursor of another list is refused
    const first = await policeFocal.GET('/referrals', { params: { query: { agency: POLICE, limit: 1 } } });
    const cursor = first.data?.nextCursor ?? '';
    expect(cursor).not.toBe('');
    const page = async (agency: string) =>
      (await policeFocal.GET('/referrals', { params: { query: { agency, limit: 1, cursor } } })).response.status;
    expect(await page(POLICE)).toBe(200);
    expect(await page(MIGRATION)).toBe(400);

    for (const bad of ['CO-Police', 'co police', `a${'b'.repeat(63)}`]) {
      const refused = await policeFocal.GET('/referrals', { params: { query: { agency: bad } } });
      expect([bad, refused.response.status, refused.response.headers.get('content-type')]).toEqual([
        bad,
        400,
        expect.stringContaining('problem+json'),
      ]);
      expect(refused.error).toMatchObject({ errors: [{ field: 'agency' }] });
    }
    expect((await policeFocal.GET('/returns', { params: { query: { agency: MIGRATION } } })).response.status).toBe(200);
    expect(
      (await policeFocal.GET('/reintegrations', { params: { query: { agency: MIGRATION } } })).response.status,
    ).toBe(200);
    expect((await policeFocal.GET('/returns', { params: { query: { agency: '-x' } } })).response.status).toBe(400);
  }, 30_000);

  it('should never let a user read a case neither owned by nor shared with their agency, whatever the sharing', async () => {
    const focal = await as('focal-point', POLICE);
    const supervisor = await as('supervisor', POLICE);
    const cases: string[] = [];
    for (let index = 0; index < 3; index++) {
      const created = await focal.POST('/referrals', { body: referralRequest });
      cases.push(created.data?.id as string);
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
          const params = { path: { id, agency } };
          const answer = share
            ? await supervisor.PUT('/cases/{id}/shares/{agency}', { params, body: { reason: 'property' } })
            : await supervisor.DELETE('/cases/{id}/shares/{agency}', { params });
          expect(answer.response.status).toBe(share || model.has(`${id}/${agency}`) ? 200 : 404);
          if (share) model.add(`${id}/${agency}`);
          else model.delete(`${id}/${agency}`);
          for (const reader of others) {
            const client = await as('case-worker', reader);
            const listed = idsIn((await client.GET('/referrals')).data);
            for (const caseId of cases) {
              const allowed = model.has(`${caseId}/${reader}`);
              expect([reader, caseId, listed.includes(caseId)]).toEqual([reader, caseId, allowed]);
              const read = await client.GET('/referrals/{id}', { params: { path: { id: caseId } } });
              expect([reader, caseId, read.response.status]).toEqual([reader, caseId, allowed ? 200 : 404]);
            }
          }
        }
      }),
      { numRuns: 15, seed: 16 },
    );
  }, 120_000);
});
