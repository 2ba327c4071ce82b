import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { NodeApiClient } from '@enlace/client';
import type { NodeApi } from '@enlace/contracts';
import { eventually } from '@enlace/testing';
import { ScenarioNetwork } from './support/scenario-network';

type ReturnView = NodeApi.components['schemas']['ReturnView'];
type ReintegrationView = NodeApi.components['schemas']['ReintegrationView'];
type Problem = NodeApi.components['schemas']['Problem'];
type CaseView = ReturnView | ReintegrationView;

/** What every call of the typed client answers, as these checks read it. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

const at = (id: string) => ({ params: { path: { id } } });

const minuteAgo = () => new Date(Date.now() - 60_000).toISOString();

const returnRequest = (
  toCountry: string,
  person: { firstName: string },
  child: boolean,
): NodeApi.components['schemas']['CreateReturnRequest'] => ({
  toCountry,
  isChild: child,
  unaccompanied: child,
  informedDecisionRecordedAt: minuteAgo(),
  person: { ...person, secondName: 'Mamani', gender: 'Female', nationality: toCountry },
  consent: {
    purpose: `Return to ${toCountry}`,
    scope: ['identity', 'case'],
    recipients: [toCountry],
    recordedAt: minuteAgo(),
  },
});

/** A return as one end shows it, once it shows `status`. */
async function returnIn(api: NodeApiClient, id: string, status: ReturnView['status']): Promise<ReturnView> {
  return eventually(
    async () => {
      const { data } = await api.GET('/returns/{id}', at(id));
      return data?.status === status ? data : undefined;
    },
    { what: `return ${id} to show ${status}`, timeoutMs: 30_000, intervalMs: 50 },
  );
}

/** A reintegration as one end shows it, once it shows `status`. */
async function reintegrationIn(
  api: NodeApiClient,
  id: string,
  status: ReintegrationView['status'],
): Promise<ReintegrationView> {
  return eventually(
    async () => {
      const { data } = await api.GET('/reintegrations/{id}', at(id));
      return data?.status === status ? data : undefined;
    },
    { what: `reintegration ${id} to show ${status}`, timeoutMs: 30_000, intervalMs: 50 },
  );
}

/** A step taken by its contract path must land: 200, with the status it leads to at this end. */
async function step<V extends CaseView>(call: Promise<Answer<V>>, status: V['status']): Promise<V> {
  const { data, response } = await call;
  const name = new URL(response.url).pathname;
  expect([name, response.status, data?.status]).toEqual([name, 200, status]);
  if (!data) throw new Error(`${name}: no view in the answer`);
  const view = data;
  const last = view.timeline[view.timeline.length - 1];
  expect([name, last?.side]).toEqual([name, view.direction === 'outgoing' ? 'sender' : 'receiver']);
  return view;
}

/** A step the protocol must refuse: returns the problem. */
async function refused(call: Promise<Answer<unknown>>): Promise<Problem> {
  const { error, response } = await call;
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  // openapi-fetch parses the problem+json body; its type is keyed by that media type, so read it as the contract's Problem
  return error as Problem;
}

/** The steps both ends hold, as (event, side, status), without each end's own record of the request's arrival. */
const shared = (view: CaseView) =>
  view.timeline
    .filter(
      (entry) =>
        !['ReturnRequested', 'ReturnRequestReceived', 'ReturnRequestDelivered', 'ReintegrationReceived'].includes(
          entry.event,
        ),
    )
    .map(({ event, side, status }) => ({ event, side, status }));

describe('returns and reintegration across borders (e2e, real Kafka and PostgreSQL)', () => {
  let network: ScenarioNetwork;
  let ar: NodeApiClient;
  let bo: NodeApiClient;

  beforeAll(async () => {
    network = await ScenarioNetwork.start('ret', ['AR', 'BO'], {});
    [ar, bo] = await Promise.all([network.api('AR'), network.api('BO')]);
  }, 240_000);

  afterAll(async () => {
    await network?.stop();
  }, 60_000);

  it('(a) AR returns an adult to BO through every step, then BO reintegrates her with two follow-ups AR hears of', async () => {
    const created = await ar.POST('/returns', { body: returnRequest('BO', { firstName: 'Rosa' }, false) });
    expect(created.response.status).toBe(201);
    const id = created.data?.id ?? '';
    expect(created.data).toMatchObject({ status: 'requested', direction: 'outgoing', pendingOn: 'receiver' });
    expect(created.data?.dueAt).toEqual(expect.any(String));

    const received = await returnIn(bo, id, 'requested');
    expect(received).toMatchObject({ direction: 'incoming', person: { firstName: 'Rosa' } });
    expect(received.allowedSteps).toContain('verify-nationality');

    await step(
      bo.POST('/returns/{id}/verify-nationality', { ...at(id), body: { outcome: 'confirmed' } }),
      'nationality-verified',
    );
    await returnIn(ar, id, 'nationality-verified');
    await step(
      ar.POST('/returns/{id}/record-risk-assessment', { ...at(id), body: { result: 'safe' } }),
      'risk-assessed',
    );
    await returnIn(bo, id, 'risk-assessed');
    await step(bo.POST('/returns/{id}/propose-reception-plan', { ...at(id), body: {} }), 'plan-proposed');
    await returnIn(ar, id, 'plan-proposed');
    await step(ar.POST('/returns/{id}/confirm-reception-plan', { ...at(id), body: {} }), 'plan-confirmed');
    await returnIn(bo, id, 'plan-confirmed');
    await step(bo.POST('/returns/{id}/issue-travel-documents', { ...at(id), body: {} }), 'documents-issued');
    await returnIn(ar, id, 'documents-issued');
    const travelDate = new Date(Date.now() + 86_400_000).toISOString();
    await step(
      ar.POST('/returns/{id}/schedule-travel', { ...at(id), body: { travelDate, route: 'EZE-VVI' } }),
      'travel-scheduled',
    );
    await step(ar.POST('/returns/{id}/record-departure', { ...at(id), body: {} }), 'departed');
    await returnIn(bo, id, 'departed');
    await step(bo.POST('/returns/{id}/record-arrival', { ...at(id), body: {} }), 'arrived');
    await step(bo.POST('/returns/{id}/hand-over', { ...at(id), body: {} }), 'handed-over');
    const senderEnd = await returnIn(ar, id, 'handed-over');
    const receiverEnd = await returnIn(bo, id, 'handed-over');
    expect(shared(senderEnd)).toEqual(shared(receiverEnd));
    expect(shared(senderEnd).map((entry) => entry.event)).toEqual([
      'NationalityVerified',
      'RiskAssessed',
      'ReceptionPlanProposed',
      'ReceptionPlanConfirmed',
      'TravelDocumentsIssued',
      'TravelScheduled',
      'DepartureRecorded',
      'ArrivalRecorded',
      'HandedOverToReintegration',
    ]);

    const opened = await bo.POST('/reintegrations', {
      body: {
        returnId: id,
        shareWithSender: true,
        consent: { purpose: 'Reintegration follow-up shared with Argentina', recordedAt: minuteAgo() },
      },
    });
    expect(opened.response.status).toBe(201);
    const planId = opened.data?.id ?? '';
    expect(opened.data).toMatchObject({ status: 'plan-pending', links: { returnId: id }, pendingOn: 'receiver' });
    await reintegrationIn(ar, planId, 'plan-pending');
    const plannedEndDate = new Date(Date.now() + 365 * 86_400_000).toISOString();
    await step(
      bo.POST('/reintegrations/{id}/agree-plan', {
        ...at(planId),
        body: { supportTypes: ['Health', 'Livelihood'], plannedEndDate },
      }),
      'plan-agreed',
    );
    await step(bo.POST('/reintegrations/{id}/start-implementation', { ...at(planId), body: {} }), 'in-implementation');
    await step(bo.POST('/reintegrations/{id}/start-monitoring', { ...at(planId), body: {} }), 'monitoring');
    const followUp = { wellbeing: 'improving' as const, signsOfRetrafficking: false };
    // the person consented to tell AR: a follow-up speaks across the border, so BO's focal point's alone
    for (const other of [await network.api('BO', 'caseworker'), await network.api('BO', 'supervisor')]) {
      const offered = await other.GET('/reintegrations/{id}', at(planId));
      expect(offered.data?.allowedSteps).toEqual([]);
      const taken = await other.POST('/reintegrations/{id}/report-follow-up', {
        ...at(planId),
        body: { sequence: 1, ...followUp },
      });
      expect([taken.response.status, taken.response.headers.get('content-type')]).toEqual([
        403,
        expect.stringContaining('application/problem+json'),
      ]);
    }
    await step(
      bo.POST('/reintegrations/{id}/report-follow-up', { ...at(planId), body: { sequence: 1, ...followUp } }),
      'monitoring',
    );
    await step(
      bo.POST('/reintegrations/{id}/report-follow-up', { ...at(planId), body: { sequence: 2, ...followUp } }),
      'monitoring',
    );
    const told = await eventually(
      async () => {
        const { data } = await ar.GET('/reintegrations/{id}', at(planId));
        return data?.followUpCount === 2 ? data : undefined;
      },
      { what: 'AR to hear of both follow-ups', timeoutMs: 30_000, intervalMs: 50 },
    );
    expect(told).toMatchObject({ status: 'monitoring', direction: 'outgoing', links: { returnId: id } });
    expect(told.person).toBeUndefined();

    // BO's cases, as a case-management system takes them: HTCDS columns, the person where BO holds her.
    const exported = await bo.GET('/exports/htcds.csv', { parseAs: 'text' });
    expect(exported.response.status).toBe(200);
    expect(exported.response.headers.get('content-type')).toContain('text/csv');
    expect(exported.response.headers.get('content-disposition')).toMatch(/attachment; filename="enlace-BO-htcds-/);
    const rows = parse(exported.data ?? '', { columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row['enl_CaseId'] === id)).toMatchObject({
      enl_Protocol: 'return',
      enl_Direction: 'incoming',
      cas_Status: 'ClosedReferred',
      prs_FirstName: 'Rosa',
      con_Consent: 'true',
    });
    expect(rows.find((row) => row['enl_CaseId'] === planId)).toMatchObject({
      enl_Protocol: 'reintegration',
      cas_Status: 'FollowUp',
    });
  }, 180_000);

  it('(b) the return of an unaccompanied child is refused at each safeguard until it is met, then completes with an escort', async () => {
    const { data } = await ar.POST('/returns', { body: returnRequest('BO', { firstName: 'Nina' }, true) });
    const id = data?.id ?? '';
    await returnIn(bo, id, 'requested');
    await step(
      bo.POST('/returns/{id}/verify-nationality', { ...at(id), body: { outcome: 'confirmed' } }),
      'nationality-verified',
    );
    await returnIn(ar, id, 'nationality-verified');
    await step(
      ar.POST('/returns/{id}/record-risk-assessment', { ...at(id), body: { result: 'safe' } }),
      'risk-assessed',
    );
    const risked = await returnIn(bo, id, 'risk-assessed');
    expect(risked.missingSafeguards).toEqual(['guardian', 'best-interests', 'family-assessment']);

    // No reception plan while any safeguard is missing: each refusal names what is missing.
    expect((await refused(bo.POST('/returns/{id}/propose-reception-plan', { ...at(id), body: {} }))).status).toBe(422);
    await step(ar.POST('/returns/{id}/appoint-guardian', { ...at(id), body: {} }), 'risk-assessed');
    await eventually(
      async () => ((await bo.GET('/returns/{id}', at(id))).data?.missingSafeguards?.length === 2 ? true : undefined),
      { what: 'BO to hear of the guardian', timeoutMs: 30_000, intervalMs: 50 },
    );
    expect((await refused(bo.POST('/returns/{id}/propose-reception-plan', { ...at(id), body: {} }))).status).toBe(422);
    await step(
      ar.POST('/returns/{id}/record-best-interests', { ...at(id), body: { result: 'in-favour' } }),
      'risk-assessed',
    );
    await eventually(
      async () => ((await bo.GET('/returns/{id}', at(id))).data?.missingSafeguards?.length === 1 ? true : undefined),
      { what: 'BO to hear of the best-interests determination', timeoutMs: 30_000, intervalMs: 50 },
    );
    expect((await refused(bo.POST('/returns/{id}/propose-reception-plan', { ...at(id), body: {} }))).status).toBe(422);
    // A family assessment against the return without a reason is refused; a reasoned one in favour passes.
    expect(
      (await refused(bo.POST('/returns/{id}/record-family-assessment', { ...at(id), body: { result: 'unsuitable' } })))
        .status,
    ).toBe(422);
    await step(
      bo.POST('/returns/{id}/record-family-assessment', { ...at(id), body: { result: 'suitable' } }),
      'risk-assessed',
    );
    await step(bo.POST('/returns/{id}/propose-reception-plan', { ...at(id), body: {} }), 'plan-proposed');
    await returnIn(ar, id, 'plan-proposed');
    await step(ar.POST('/returns/{id}/confirm-reception-plan', { ...at(id), body: {} }), 'plan-confirmed');
    await returnIn(bo, id, 'plan-confirmed');
    await step(bo.POST('/returns/{id}/issue-travel-documents', { ...at(id), body: {} }), 'documents-issued');
    await returnIn(ar, id, 'documents-issued');
    const travel = { travelDate: new Date(Date.now() + 86_400_000).toISOString(), route: 'EZE-VVI' };
    // An unaccompanied child never travels without an escort.
    expect((await refused(ar.POST('/returns/{id}/schedule-travel', { ...at(id), body: travel }))).status).toBe(422);
    await step(
      ar.POST('/returns/{id}/schedule-travel', {
        ...at(id),
        body: { ...travel, escort: { role: 'social-worker', organisation: 'SENAF' } },
      }),
      'travel-scheduled',
    );
    await step(ar.POST('/returns/{id}/record-departure', { ...at(id), body: {} }), 'departed');
    await returnIn(bo, id, 'departed');
    await step(bo.POST('/returns/{id}/record-arrival', { ...at(id), body: {} }), 'arrived');
    await step(bo.POST('/returns/{id}/hand-over', { ...at(id), body: {} }), 'handed-over');
    const done = await returnIn(ar, id, 'handed-over');
    expect(done.travel?.escort?.role).toBe('social-worker');

    // a reintegration the person did not consent to tell AR of stays in BO: its supervisor and case worker run it
    const supervisor = await network.api('BO', 'supervisor');
    const caseWorker = await network.api('BO', 'caseworker');
    const opened = await supervisor.POST('/reintegrations', {
      body: {
        returnId: id,
        shareWithSender: false,
        consent: { purpose: 'Reintegration support in Bolivia', recordedAt: minuteAgo() },
      },
    });
    expect(opened.response.status).toBe(201);
    const planId = opened.data?.id ?? '';
    const plannedEndDate = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const plan = { supportTypes: ['Education' as const], plannedEndDate };
    expect(
      (await caseWorker.POST('/reintegrations/{id}/agree-plan', { ...at(planId), body: plan })).response.status,
    ).toBe(403);
    await step(supervisor.POST('/reintegrations/{id}/agree-plan', { ...at(planId), body: plan }), 'plan-agreed');
    await step(
      caseWorker.POST('/reintegrations/{id}/start-implementation', { ...at(planId), body: {} }),
      'in-implementation',
    );
    const atAr = await ar.GET('/reintegrations');
    expect(atAr.response.status).toBe(200);
    expect(atAr.data?.items.map((item) => item.id)).not.toContain(planId);
  }, 180_000);

  it('(d) consent withdrawn in the middle of a return stops both ends; BO erases the person and AR sees the confirmation', async () => {
    const marker = `Zz${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const { data } = await ar.POST('/returns', { body: returnRequest('BO', { firstName: marker }, false) });
    const id = data?.id ?? '';
    await returnIn(bo, id, 'requested');
    await step(
      bo.POST('/returns/{id}/verify-nationality', { ...at(id), body: { outcome: 'confirmed' } }),
      'nationality-verified',
    );
    await returnIn(ar, id, 'nationality-verified');

    // Before: BO's API opens the person's data (the marker is there to find), yet no file of BO's database
    // holds it in clear — it rests encrypted with the case's key. A canary written in clear shows the scan finds.
    const person = await bo.GET('/returns/{id}/person', at(id));
    expect([person.response.status, person.data?.person?.firstName]).toEqual([200, marker]);
    const canary = `Canary${randomUUID().replace(/-/g, '')}`;
    await network.writeCanary('BO', canary);
    const scanned = await network.databaseFilesContaining('BO', canary);
    if (scanned !== undefined) {
      expect(scanned).not.toEqual([]);
      expect(await network.databaseFilesContaining('BO', marker)).toEqual([]);
      expect(await network.databaseFilesContaining('AR', marker)).toEqual([]);
    }

    const withdrawn = await step(
      ar.POST('/returns/{id}/withdraw-consent', { ...at(id), body: {} }),
      'consent-withdrawn',
    );
    expect(withdrawn.person).toBeUndefined();
    expect(withdrawn.allowedSteps).toEqual([]);

    const erased = await returnIn(bo, id, 'consent-withdrawn');
    expect(erased.person).toBeUndefined();
    expect(erased.erasure?.erasedAt).toEqual(expect.any(String));
    expect(
      (await refused(bo.POST('/returns/{id}/record-risk-assessment', { ...at(id), body: { result: 'safe' } }))).status,
    ).toBe(409);

    const confirmed = await eventually(
      async () => {
        const { data } = await ar.GET('/returns/{id}', at(id));
        return data?.erasure?.confirmedBy.some((confirmation) => confirmation.country === 'BO') ? data : undefined;
      },
      { what: 'AR to see BO confirm the erasure', timeoutMs: 30_000, intervalMs: 50 },
    );
    expect(confirmed.status).toBe('consent-withdrawn');
    expect(await network.logsContaining(marker)).toEqual([]);

    // After: the data are gone at both ends — 410 Gone as problem+json — and in no file of BO's database
    // (every file of it: the .sqlite and its -wal and -shm; no checkpoint forced).
    for (const client of [bo, ar]) {
      const gone = await client.GET('/returns/{id}/person', at(id));
      const type = gone.response.headers.get('content-type') ?? '';
      expect([gone.response.status, type.includes('application/problem+json')]).toEqual([410, true]);
    }
    if (scanned !== undefined) {
      expect((await network.databaseFiles('BO')).length).toBeGreaterThan(0);
      expect(await network.databaseFilesContaining('BO', marker)).toEqual([]);
      expect(await network.databaseFilesContaining('BO', canary)).not.toEqual([]);
    }
  }, 120_000);
});
