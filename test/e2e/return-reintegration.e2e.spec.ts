import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { NodeApiClient, eventually } from '@enlace/testing';
import { ScenarioNetwork } from './support/scenario-network';

interface TimelineEntry {
  event: string;
  side: string;
  status: string;
}

interface CaseView {
  id: string;
  status: string;
  direction: string;
  pendingOn?: string;
  dueAt?: string;
  person?: { firstName: string };
  missingSafeguards?: string[];
  barredBy?: string[];
  travel?: { escort?: { role: string } };
  erasure?: { erasedAt: string; confirmedBy: { country: string }[] };
  links?: { returnId?: string };
  followUpCount?: number;
  allowedSteps: string[];
  timeline: TimelineEntry[];
}

interface Problem {
  status: number;
  detail?: string;
}

const minuteAgo = () => new Date(Date.now() - 60_000).toISOString();

const returnRequest = (toCountry: string, person: { firstName: string }, child: boolean) => ({
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

/** A case as one end shows it, once it shows `status`. */
async function viewIn(client: NodeApiClient, route: string, id: string, status: string): Promise<CaseView> {
  return eventually(
    async () => {
      const view = await client.request<CaseView>('GET', `/${route}/${id}`);
      return view.status === 200 && view.body.status === status ? view.body : undefined;
    },
    { what: `${client.apiUrl} to show ${route} ${id} ${status}`, timeoutMs: 30_000, intervalMs: 50 },
  );
}

/** Takes a step and expects it to land: 200, with the status it leads to at this end. */
async function step(client: NodeApiClient, route: string, id: string, name: string, body: object, status: string) {
  const answer = await client.request<CaseView>('POST', `/${route}/${id}/${name}`, body);
  expect([name, answer.status, answer.body.status]).toEqual([name, 200, status]);
  const last = answer.body.timeline[answer.body.timeline.length - 1];
  expect([name, last?.side]).toEqual([name, answer.body.direction === 'outgoing' ? 'sender' : 'receiver']);
  return answer.body;
}

/** Takes a step the protocol must refuse, and returns the problem. */
async function refused(client: NodeApiClient, id: string, name: string, body: object): Promise<Problem> {
  const answer = await client.request<Problem>('POST', `/returns/${id}/${name}`, body);
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.contentType).toContain('application/problem+json');
  return answer.body;
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
    [ar, bo] = await Promise.all([network.client('AR'), network.client('BO')]);
  }, 240_000);

  afterAll(async () => {
    await network?.stop();
  }, 60_000);

  it('(a) AR returns an adult to BO through every step, then BO reintegrates her with two follow-ups AR hears of', async () => {
    const created = await ar.request<CaseView>('POST', '/returns', returnRequest('BO', { firstName: 'Rosa' }, false));
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ status: 'requested', direction: 'outgoing', pendingOn: 'receiver' });
    expect(created.body.dueAt).toEqual(expect.any(String));

    const received = await viewIn(bo, 'returns', id, 'requested');
    expect(received).toMatchObject({ direction: 'incoming', person: { firstName: 'Rosa' } });
    expect(received.allowedSteps).toContain('verify-nationality');

    await step(bo, 'returns', id, 'verify-nationality', { outcome: 'confirmed' }, 'nationality-verified');
    await viewIn(ar, 'returns', id, 'nationality-verified');
    await step(ar, 'returns', id, 'record-risk-assessment', { result: 'safe' }, 'risk-assessed');
    await viewIn(bo, 'returns', id, 'risk-assessed');
    await step(bo, 'returns', id, 'propose-reception-plan', {}, 'plan-proposed');
    await viewIn(ar, 'returns', id, 'plan-proposed');
    await step(ar, 'returns', id, 'confirm-reception-plan', {}, 'plan-confirmed');
    await viewIn(bo, 'returns', id, 'plan-confirmed');
    await step(bo, 'returns', id, 'issue-travel-documents', {}, 'documents-issued');
    await viewIn(ar, 'returns', id, 'documents-issued');
    const travelDate = new Date(Date.now() + 86_400_000).toISOString();
    await step(ar, 'returns', id, 'schedule-travel', { travelDate, route: 'EZE-VVI' }, 'travel-scheduled');
    await step(ar, 'returns', id, 'record-departure', {}, 'departed');
    await viewIn(bo, 'returns', id, 'departed');
    await step(bo, 'returns', id, 'record-arrival', {}, 'arrived');
    await step(bo, 'returns', id, 'hand-over', {}, 'handed-over');
    const senderEnd = await viewIn(ar, 'returns', id, 'handed-over');
    const receiverEnd = await viewIn(bo, 'returns', id, 'handed-over');
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

    const opened = await bo.request<CaseView>('POST', '/reintegrations', {
      returnId: id,
      shareWithSender: true,
      consent: { purpose: 'Reintegration follow-up shared with Argentina', recordedAt: minuteAgo() },
    });
    expect(opened.status).toBe(201);
    const planId = opened.body.id;
    expect(opened.body).toMatchObject({ status: 'plan-pending', links: { returnId: id }, pendingOn: 'receiver' });
    await viewIn(ar, 'reintegrations', planId, 'plan-pending');
    const plannedEndDate = new Date(Date.now() + 365 * 86_400_000).toISOString();
    await step(
      bo,
      'reintegrations',
      planId,
      'agree-plan',
      { supportTypes: ['Health', 'Livelihood'], plannedEndDate },
      'plan-agreed',
    );
    await step(bo, 'reintegrations', planId, 'start-implementation', {}, 'in-implementation');
    await step(bo, 'reintegrations', planId, 'start-monitoring', {}, 'monitoring');
    const followUp = { wellbeing: 'improving', signsOfRetrafficking: false };
    // the person consented to tell AR: a follow-up speaks across the border, so BO's focal point's alone
    for (const other of [await network.client('BO', 'caseworker'), await network.client('BO', 'supervisor')]) {
      const offered = await other.request<{ allowedSteps: string[] }>('GET', `/reintegrations/${planId}`);
      expect(offered.body.allowedSteps).toEqual([]);
      const taken = await other.request('POST', `/reintegrations/${planId}/report-follow-up`, {
        sequence: 1,
        ...followUp,
      });
      expect([taken.status, taken.contentType]).toEqual([403, expect.stringContaining('application/problem+json')]);
    }
    await step(bo, 'reintegrations', planId, 'report-follow-up', { sequence: 1, ...followUp }, 'monitoring');
    await step(bo, 'reintegrations', planId, 'report-follow-up', { sequence: 2, ...followUp }, 'monitoring');
    const told = await eventually(
      async () => {
        const view = await ar.request<CaseView>('GET', `/reintegrations/${planId}`);
        return view.body.followUpCount === 2 ? view.body : undefined;
      },
      { what: 'AR to hear of both follow-ups', timeoutMs: 30_000, intervalMs: 50 },
    );
    expect(told).toMatchObject({ status: 'monitoring', direction: 'outgoing', links: { returnId: id } });
    expect(told.person).toBeUndefined();

    // BO's cases, as a case-management system takes them: HTCDS columns, the person where BO holds her.
    const exported = await bo.request<string>('GET', '/exports/htcds.csv');
    expect(exported.status).toBe(200);
    expect(exported.contentType).toContain('text/csv');
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename="enlace-BO-htcds-/);
    const rows = parse(exported.body, { columns: true }) as Record<string, string>[];
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
    const { body } = await ar.request<CaseView>('POST', '/returns', returnRequest('BO', { firstName: 'Nina' }, true));
    const id = body.id;
    await viewIn(bo, 'returns', id, 'requested');
    await step(bo, 'returns', id, 'verify-nationality', { outcome: 'confirmed' }, 'nationality-verified');
    await viewIn(ar, 'returns', id, 'nationality-verified');
    await step(ar, 'returns', id, 'record-risk-assessment', { result: 'safe' }, 'risk-assessed');
    const risked = await viewIn(bo, 'returns', id, 'risk-assessed');
    expect(risked.missingSafeguards).toEqual(['guardian', 'best-interests', 'family-assessment']);

    // No reception plan while any safeguard is missing: each refusal names what is missing.
    expect((await refused(bo, id, 'propose-reception-plan', {})).status).toBe(422);
    await step(ar, 'returns', id, 'appoint-guardian', {}, 'risk-assessed');
    await eventually(
      async () =>
        (await bo.request<CaseView>('GET', `/returns/${id}`)).body.missingSafeguards?.length === 2 ? true : undefined,
      { what: 'BO to hear of the guardian', timeoutMs: 30_000, intervalMs: 50 },
    );
    expect((await refused(bo, id, 'propose-reception-plan', {})).status).toBe(422);
    await step(ar, 'returns', id, 'record-best-interests', { result: 'in-favour' }, 'risk-assessed');
    await eventually(
      async () =>
        (await bo.request<CaseView>('GET', `/returns/${id}`)).body.missingSafeguards?.length === 1 ? true : undefined,
      { what: 'BO to hear of the best-interests determination', timeoutMs: 30_000, intervalMs: 50 },
    );
    expect((await refused(bo, id, 'propose-reception-plan', {})).status).toBe(422);
    // A family assessment against the return without a reason is refused; a reasoned one in favour passes.
    expect((await refused(bo, id, 'record-family-assessment', { result: 'unsuitable' })).status).toBe(422);
    await step(bo, 'returns', id, 'record-family-assessment', { result: 'suitable' }, 'risk-assessed');
    await step(bo, 'returns', id, 'propose-reception-plan', {}, 'plan-proposed');
    await viewIn(ar, 'returns', id, 'plan-proposed');
    await step(ar, 'returns', id, 'confirm-reception-plan', {}, 'plan-confirmed');
    await viewIn(bo, 'returns', id, 'plan-confirmed');
    await step(bo, 'returns', id, 'issue-travel-documents', {}, 'documents-issued');
    await viewIn(ar, 'returns', id, 'documents-issued');
    const travel = { travelDate: new Date(Date.now() + 86_400_000).toISOString(), route: 'EZE-VVI' };
    // An unaccompanied child never travels without an escort.
    expect((await refused(ar, id, 'schedule-travel', travel)).status).toBe(422);
    await step(
      ar,
      'returns',
      id,
      'schedule-travel',
      { ...travel, escort: { role: 'social-worker', organisation: 'SENAF' } },
      'travel-scheduled',
    );
    await step(ar, 'returns', id, 'record-departure', {}, 'departed');
    await viewIn(bo, 'returns', id, 'departed');
    await step(bo, 'returns', id, 'record-arrival', {}, 'arrived');
    await step(bo, 'returns', id, 'hand-over', {}, 'handed-over');
    const done = await viewIn(ar, 'returns', id, 'handed-over');
    expect(done.travel?.escort?.role).toBe('social-worker');

    // a reintegration the person did not consent to tell AR of stays in BO: its supervisor and case worker run it
    const supervisor = await network.client('BO', 'supervisor');
    const caseWorker = await network.client('BO', 'caseworker');
    const opened = await supervisor.request<CaseView>('POST', '/reintegrations', {
      returnId: id,
      shareWithSender: false,
      consent: { purpose: 'Reintegration support in Bolivia', recordedAt: minuteAgo() },
    });
    expect(opened.status).toBe(201);
    const planId = opened.body.id;
    const plannedEndDate = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const plan = { supportTypes: ['Education'], plannedEndDate };
    expect((await caseWorker.request('POST', `/reintegrations/${planId}/agree-plan`, plan)).status).toBe(403);
    await step(supervisor, 'reintegrations', planId, 'agree-plan', plan, 'plan-agreed');
    await step(caseWorker, 'reintegrations', planId, 'start-implementation', {}, 'in-implementation');
    const atAr = await ar.request<{ items: { id: string }[] }>('GET', '/reintegrations');
    expect(atAr.body.items.map((item) => item.id)).not.toContain(planId);
  }, 180_000);

  it('(d) consent withdrawn in the middle of a return stops both ends; BO erases the person and AR sees the confirmation', async () => {
    const marker = `Zz${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const { body } = await ar.request<CaseView>('POST', '/returns', returnRequest('BO', { firstName: marker }, false));
    const id = body.id;
    await viewIn(bo, 'returns', id, 'requested');
    await step(bo, 'returns', id, 'verify-nationality', { outcome: 'confirmed' }, 'nationality-verified');
    await viewIn(ar, 'returns', id, 'nationality-verified');

    // Before: BO's API opens the person's data (the marker is there to find), yet no file of BO's database
    // holds it in clear — it rests encrypted with the case's key. A canary written in clear shows the scan finds.
    const person = await bo.request<{ person?: { firstName: string } }>('GET', `/returns/${id}/person`);
    expect([person.status, person.body.person?.firstName]).toEqual([200, marker]);
    const canary = `Canary${randomUUID().replace(/-/g, '')}`;
    await network.writeCanary('BO', canary);
    const scanned = await network.databaseFilesContaining('BO', canary);
    if (scanned !== undefined) {
      expect(scanned).not.toEqual([]);
      expect(await network.databaseFilesContaining('BO', marker)).toEqual([]);
      expect(await network.databaseFilesContaining('AR', marker)).toEqual([]);
    }

    const withdrawn = await step(ar, 'returns', id, 'withdraw-consent', {}, 'consent-withdrawn');
    expect(withdrawn.person).toBeUndefined();
    expect(withdrawn.allowedSteps).toEqual([]);

    const erased = await viewIn(bo, 'returns', id, 'consent-withdrawn');
    expect(erased.person).toBeUndefined();
    expect(erased.erasure?.erasedAt).toEqual(expect.any(String));
    expect((await refused(bo, id, 'record-risk-assessment', { result: 'safe' })).status).toBe(409);

    const confirmed = await eventually(
      async () => {
        const view = await ar.request<CaseView>('GET', `/returns/${id}`);
        return view.body.erasure?.confirmedBy.some((confirmation) => confirmation.country === 'BO')
          ? view.body
          : undefined;
      },
      { what: 'AR to see BO confirm the erasure', timeoutMs: 30_000, intervalMs: 50 },
    );
    expect(confirmed.status).toBe('consent-withdrawn');
    expect(await network.logsContaining(marker)).toEqual([]);

    // After: the data are gone at both ends — 410 Gone as problem+json — and in no file of BO's database
    // (every file of it: the .sqlite and its -wal and -shm; no checkpoint forced).
    for (const client of [bo, ar]) {
      const gone = await client.request<Problem>('GET', `/returns/${id}/person`);
      expect([gone.status, gone.contentType.includes('application/problem+json')]).toEqual([410, true]);
    }
    if (scanned !== undefined) {
      expect((await network.databaseFiles('BO')).length).toBeGreaterThan(0);
      expect(await network.databaseFilesContaining('BO', marker)).toEqual([]);
      expect(await network.databaseFilesContaining('BO', canary)).not.toEqual([]);
    }
  }, 120_000);
});
