import { randomUUID } from 'node:crypto';
import type { NodeDatabase } from '@enlace/store';
import type { NodeApiClient } from '@enlace/client';
import type { NodeApi } from '@enlace/contracts';
import type { Kysely } from 'kysely';
import { NodeApiTestApp } from '../testing/node-api-test-app';

/**
 * The intake endpoints over HTTP on node-api as it runs (its whole module, its guards, its audit), on the real
 * PostgreSQL: a hotline operator records, a supervisor screens, a focal point turns the intake into a referral. What
 * may name someone is never in clear in the intakes table, and the intake leaves nothing in the outbox.
 */
type IntakeRequest = NonNullable<NodeApi.paths['/intakes']['post']['requestBody']>['content']['application/json'];
type HtcdsQuery = NonNullable<NodeApi.paths['/exports/htcds.csv']['get']['parameters']['query']>;

describe('IntakesHttpController (on the real PostgreSQL)', () => {
  const marker = `Zi${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  let node: NodeApiTestApp;
  let db: Kysely<NodeDatabase>;
  const clients = new Map<string, NodeApiClient>();

  const as = async (role: string, country = 'CO'): Promise<NodeApiClient> => {
    const key = `${country}/${role}`;
    const known = clients.get(key);
    if (known) return known;
    const client = await node.typedClient({ country, roles: [role] });
    clients.set(key, client);
    return client;
  };

  const consent: IntakeRequest['consent'] = {
    purpose: 'Assistance and referral to services in Ecuador',
    scope: ['identity', 'case'],
    recipients: ['EC'],
    recordedAt: '2026-03-13T16:00:00Z',
  };
  const intakeRequest = (extra: Partial<IntakeRequest> = {}): IntakeRequest => ({
    channel: 'hotline',
    reporter: { relationship: 'family', name: `Sister ${marker}`, contact: '+57 300 000 0000' },
    person: {
      firstName: marker,
      approximateAge: 24,
      gender: 'Female',
      nationality: 'CO',
      lastKnownPlace: 'Quito, near the bus terminal',
      believedCountry: 'EC',
    },
    indicators: { typeOfExploitation: ['SexualExploitation'], methodsOfControl: ['WithholdsDocuments'] },
    situation: `Promised work in a restaurant, ${marker}`,
    urgency: 'high',
    ...extra,
  });

  beforeAll(async () => {
    node = await NodeApiTestApp.start({ database: 'int_intakes', network: 'intakeint' });
    db = await node.scratch.open(2);
  }, 60_000);

  afterAll(async () => {
    await node?.close();
  });

  async function recorded(extra: Partial<IntakeRequest> = {}): Promise<string> {
    const { data, response } = await (await as('hotline')).POST('/intakes', { body: intakeRequest(extra) });
    expect(response.status).toBe(201);
    return data?.id as string;
  }
  const intake = (id: string) => ({ params: { path: { id } } });
  const screen = (
    client: NodeApiClient,
    id: string,
    body: { outcome: 'presumed-victim' | 'needs-information' | 'not-a-case'; reason?: string },
  ) => client.POST('/intakes/{id}/screen', { ...intake(id), body });
  const htcds = (client: NodeApiClient, query: HtcdsQuery) =>
    client.GET('/exports/htcds.csv', { params: { query }, parseAs: 'text' });

  describe('record', () => {
    it('should record an intake with little known, sealed at rest, and send nothing', async () => {
      const hotline = await as('hotline');
      const { data, response } = await hotline.POST('/intakes', { body: intakeRequest() });

      expect(response.status).toBe(201);
      const view = data as NonNullable<typeof data>;
      expect(response.headers.get('location')).toBe(`/api/v1/intakes/${view.id}`);
      expect(view).toMatchObject({
        status: 'recorded',
        channel: 'hotline',
        urgency: 'high',
        believedCountry: 'EC',
        person: { firstName: marker, gender: 'Feminine', approximateAge: 24 },
        allowedActions: [],
      });
      const row = await db.selectFrom('intakes').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(marker);
      expect(row.personal).toEqual(expect.any(String));
      const outbox = await db.selectFrom('outbox').select('envelope_id').execute();
      expect(outbox).toEqual([]);
      const read = await hotline.GET('/intakes/{id}', intake(view.id));
      expect(read.data).toMatchObject({ situation: `Promised work in a restaurant, ${marker}` });
    });

    it('should record an intake that knows only how it came and how urgent it is', async () => {
      const { data, response } = await (
        await as('hotline')
      ).POST('/intakes', {
        body: { channel: 'online', urgency: 'low' },
      });

      expect(response.status).toBe(201);
      expect(data).toMatchObject({ status: 'recorded', channel: 'online' });
    });

    it('should refuse an indicator that HTCDS does not define, naming the field', async () => {
      // Raw: an indicator HTCDS does not define breaks the contract on purpose.
      const raw = await node.client({ roles: ['hotline'] });
      const response = await raw.request('POST', '/intakes', {
        ...intakeRequest(),
        indicators: { methodsOfControl: ['Shouting'] },
      });

      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/problem+json');
      expect(JSON.stringify(response.body)).toContain('/indicators/methodsOfControl/0');
    });

    it.each(['case-worker', 'secretariat', 'focal-point'])('should answer 403 problem+json to a %s', async (role) => {
      const { response } = await (await as(role)).POST('/intakes', { body: intakeRequest() });

      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });
  });

  describe('screen', () => {
    it('should let a supervisor screen an intake, a reason sealed with the intake', async () => {
      const id = await recorded();
      const supervisor = await as('supervisor');
      expect((await supervisor.GET('/intakes/{id}', intake(id))).data).toMatchObject({
        allowedActions: ['screen', 'merge', 'erase'],
      });

      const more = await screen(supervisor, id, { outcome: 'needs-information', reason: `Which city? ${marker}` });
      expect(more.response.status).toBe(200);
      expect(more.data).toMatchObject({ status: 'needs-information', screening: { reason: `Which city? ${marker}` } });
      const screened = await screen(supervisor, id, { outcome: 'presumed-victim' });

      expect(screened.response.status).toBe(200);
      expect(screened.data).toMatchObject({
        status: 'presumed-victim',
        screening: { outcome: 'presumed-victim', traffickingStatus: 'PossibleVictimOfTrafficking' },
        timeline: [{ status: 'recorded' }, { status: 'needs-information' }, { status: 'presumed-victim' }],
      });
      const row = await db.selectFrom('intakes').select(['state', 'status']).where('id', '=', id).executeTakeFirst();
      expect(row?.status).toBe('presumed-victim');
      expect(JSON.stringify(row)).not.toContain(marker);
    });

    it('should answer 422 to not-a-case without a reason, and 409 to a second screening', async () => {
      const id = await recorded();
      const supervisor = await as('supervisor');

      const bare = await screen(supervisor, id, { outcome: 'not-a-case' });
      expect(bare.response.status).toBe(422);
      expect((await screen(supervisor, id, { outcome: 'presumed-victim' })).response.status).toBe(200);
      const again = await screen(supervisor, id, { outcome: 'not-a-case', reason: 'x' });
      expect(again.response.status).toBe(409);
      expect(again.response.headers.get('content-type')).toContain('application/problem+json');
    });

    it.each(['hotline', 'focal-point'])('should answer 403 problem+json to a %s', async (role) => {
      const id = await recorded();
      const { response } = await screen(await as(role), id, { outcome: 'presumed-victim' });

      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });

    it('should answer 404 for an intake this node does not hold', async () => {
      const { response } = await screen(await as('supervisor'), randomUUID(), { outcome: 'presumed-victim' });

      expect(response.status).toBe(404);
    });
  });

  describe('referral', () => {
    it('should turn a presumed victim into a referral carrying the intake, and link both, in one step', async () => {
      const id = await recorded({ consent });
      await screen(await as('supervisor'), id, { outcome: 'presumed-victim' });
      const focal = await as('focal-point');

      const { data, response } = await focal.POST('/intakes/{id}/referral', {
        ...intake(id),
        body: { toCountry: 'EC', reason: 'AdditionalServicesRequired', servicesRequested: ['Health', 'SocialCare'] },
      });

      expect(response.status).toBe(201);
      const referral = data as NonNullable<typeof data>;
      expect(response.headers.get('location')).toBe(`/api/v1/referrals/${referral.id}`);
      expect(referral).toMatchObject({
        status: 'sent',
        toCountry: 'EC',
        urgency: 'high',
        reasonDetails: `Promised work in a restaurant, ${marker}`,
        person: { firstName: marker, gender: 'Feminine', nationality: 'CO' },
        consent,
        links: { intakeId: id },
      });
      const read = await focal.GET('/intakes/{id}', intake(id));
      expect(read.data).toMatchObject({
        status: 'converted',
        case: { protocol: 'referral', caseId: referral.id },
        allowedActions: [],
      });
      const messages = await db.selectFrom('outbox').select(['case_id', 'type']).execute();
      expect(messages).toEqual([{ case_id: referral.id, type: 'referral.requested.v1' }]);
      const audit = await db.selectFrom('audit_log').select(['action', 'resource']).execute();
      expect(audit).toContainEqual({ action: 'POST /api/v1/intakes/:id/referral', resource: { intake: id } });

      const twice = await focal.POST('/intakes/{id}/referral', {
        ...intake(id),
        body: { toCountry: 'EC', reason: 'Other', servicesRequested: ['Legal'] },
      });
      expect(twice.response.status).toBe(409);
    });

    it('should take from the body what the intake lacks, and name what is still missing (422)', async () => {
      const id = await recorded({ person: { approximateAge: 30, believedCountry: 'EC' } });
      await screen(await as('supervisor'), id, { outcome: 'presumed-victim' });
      const focal = await as('focal-point');
      const body = { toCountry: 'EC', reason: 'Other' as const, servicesRequested: ['Health' as const] };

      const missing = await focal.POST('/intakes/{id}/referral', {
        ...intake(id),
        body,
      });
      expect(missing.response.status).toBe(422);
      expect(JSON.stringify(missing.error)).toMatch(/firstName|consent/);
      expect((await focal.GET('/intakes/{id}', intake(id))).data).toMatchObject({ status: 'presumed-victim' });

      const completed = await focal.POST('/intakes/{id}/referral', {
        ...intake(id),
        body: { ...body, person: { firstName: 'Ana' }, consent },
      });
      expect(completed.response.status).toBe(201);
      expect(completed.data).toMatchObject({ person: { firstName: 'Ana' }, links: { intakeId: id } });
    });

    it('should refuse to turn an intake not yet screened (409) and answer a supervisor 403', async () => {
      const id = await recorded({ consent });
      const convert = async (role: string) =>
        (
          await (
            await as(role)
          ).POST('/intakes/{id}/referral', {
            ...intake(id),
            body: { toCountry: 'EC', reason: 'Other', servicesRequested: ['Health'] },
          })
        ).response;

      expect((await convert('focal-point')).status).toBe(409);
      const refused = await convert('supervisor');
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    });
  });

  describe('return', () => {
    it('should turn a presumed victim into a return request, telling an adult from the approximate age', async () => {
      const id = await recorded({ consent });
      await screen(await as('supervisor'), id, { outcome: 'presumed-victim' });

      const { data, response } = await (
        await as('focal-point')
      ).POST('/intakes/{id}/return', {
        ...intake(id),
        body: { toCountry: 'EC', informedDecisionRecordedAt: '2026-03-14T10:00:00Z' },
      });

      expect(response.status).toBe(201);
      expect(data).toMatchObject({ status: 'requested', isChild: false, links: { intakeId: id } });
    });
  });

  describe('erase', () => {
    it('should erase the intake’s personal data for good, keep what names no one, and take no step after', async () => {
      const id = await recorded({ consent });
      const supervisor = await as('supervisor');
      await screen(supervisor, id, { outcome: 'not-a-case', reason: `About ${marker}` });
      expect((await (await as('hotline')).POST('/intakes/{id}/erase', intake(id))).response.status).toBe(403);

      const erased = await supervisor.POST('/intakes/{id}/erase', intake(id));

      expect(erased.response.status).toBe(200);
      expect(erased.data).toMatchObject({ status: 'not-a-case', erasedAt: expect.any(String), allowedActions: [] });
      const read = await supervisor.GET('/intakes/{id}', intake(id));
      expect(read.data).toMatchObject({
        channel: 'hotline',
        indicators: { typeOfExploitation: ['SexualExploitation'] },
      });
      expect(JSON.stringify(read.data)).not.toContain(marker);
      for (const field of ['person', 'reporter', 'situation', 'consent']) expect(read.data).not.toHaveProperty(field);
      const key = await db.selectFrom('case_keys').selectAll().where('case_id', '=', id).executeTakeFirst();
      expect(key).toMatchObject({ wrapped_key: null, destroyed_at: expect.any(Date) });
      const row = await db
        .selectFrom('intakes')
        .select(['personal', 'erased_at'])
        .where('id', '=', id)
        .executeTakeFirst();
      expect(row).toEqual({ personal: null, erased_at: expect.any(Date) });
      expect((await supervisor.POST('/intakes/{id}/erase', intake(id))).response.status).toBe(409);
    });
  });

  describe('list', () => {
    it('should list intakes without personal data, narrowed by status, to the roles that read them', async () => {
      await recorded();
      const list = await (await as('auditor')).GET('/intakes', { params: { query: { status: 'recorded' } } });

      expect(list.response.status).toBe(200);
      const items: Record<string, unknown>[] = list.data?.items ?? [];
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((item) => item['status'] === 'recorded')).toBe(true);
      expect(JSON.stringify(items)).not.toContain(marker);
      expect((await (await as('case-worker')).GET('/intakes')).response.status).toBe(403);
      expect((await (await as('hotline', 'EC')).GET('/intakes')).response.status).toBe(403);
    });
  });

  describe('HTCDS export', () => {
    const rowOf = (csv: string, id: string) => csv.split('\r\n').find((line) => line.startsWith(`${id},`));

    it('should export intakes as rows of their own, with the person, narrowed by protocol and period', async () => {
      const id = await recorded();
      const focal = await as('focal-point');

      const { data: csv = '', response } = await htcds(focal, { protocol: 'intake' });

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(rowOf(csv, id)).toMatch(new RegExp(`^${id},intake,,,,recorded,Active,.*,${marker},`));
      const lines = csv.split('\r\n').filter((line) => line.length > 0);
      expect(lines.slice(1).every((line) => line.split(',')[1] === 'intake')).toBe(true);
      const later = new Date(Date.now() + 60_000).toISOString();
      const none = (await htcds(focal, { protocol: 'intake', createdFrom: later })).data ?? '';
      expect(none.split('\r\n').filter((line) => line.length > 0)).toHaveLength(1);
      const earlier = new Date(Date.now() - 60_000).toISOString();
      const recent = (await htcds(focal, { createdFrom: earlier })).data ?? '';
      expect(rowOf(recent, id)).toBeDefined();
    });

    it('should leave intakes out of an export of one direction, and referrals out of an export of intakes', async () => {
      const id = await recorded({ consent });
      await screen(await as('supervisor'), id, { outcome: 'presumed-victim' });
      const focal = await as('focal-point');
      const referral = await focal.POST('/intakes/{id}/referral', {
        ...intake(id),
        body: { toCountry: 'EC', reason: 'AdditionalServicesRequired', servicesRequested: ['Health'] },
      });
      expect(referral.response.status).toBe(201);
      const referralId = referral.data?.id as string;

      const outgoing = (await htcds(focal, { direction: 'outgoing' })).data ?? '';
      expect(rowOf(outgoing, referralId)).toMatch(/^[^,]+,referral,outgoing,CO,EC,/);
      expect(rowOf(outgoing, id)).toBeUndefined();
      const intakes = (await htcds(focal, { protocol: 'intake' })).data ?? '';
      expect(rowOf(intakes, id)).toMatch(new RegExp(`^${id},intake,,,,converted,ClosedReferred,`));
      expect(rowOf(intakes, referralId)).toBeUndefined();
    });

    it('should refuse a filter it does not know, naming it, and a period that ends before it starts', async () => {
      const focal = await as('focal-point');

      // Raw: a protocol the contract does not list breaks it on purpose.
      const unknown = await (
        await node.client({ roles: ['focal-point'] })
      ).request('GET', '/exports/htcds.csv?protocol=everything');
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ errors: [expect.objectContaining({ field: 'protocol' })] });
      const backwards = await htcds(focal, { createdFrom: '2026-02-01T00:00:00Z', createdTo: '2026-01-01T00:00:00Z' });
      expect(backwards.response.status).toBe(422);
    });
  });
});
