import type { NodeApiClient } from '@enlace/client';
import type { NodeApi } from '@enlace/contracts';
import { TopicNames, createKafkaClient, parseBrokerList } from '@enlace/messaging';
import { NodeApiClient as RawNodeApiClient, eventually, testInfra } from '@enlace/testing';
import { ScenarioNetwork } from './support/scenario-network';

type ReferralView = NodeApi.components['schemas']['ReferralView'];
type Problem = NodeApi.components['schemas']['Problem'];

/** The actions of a referral this spec takes, each by its contract path `/referrals/{id}/<action>`. */
type Action = 'accept' | 'decline' | 'request-information' | 'provide-information' | 'start-service' | 'close';
type ActionBody<A extends Action> = NonNullable<
  NodeApi.paths[`/referrals/{id}/${A}`]['post']['requestBody']
>['content']['application/json'];
type ActionAnswer = { data?: ReferralView; response: Response };

/** Each action by its literal contract path, so that the step a test names is called as the contract says. */
const actions: { [A in Action]: (client: NodeApiClient, id: string, body: ActionBody<A>) => Promise<ActionAnswer> } = {
  accept: (client, id, body) => client.POST('/referrals/{id}/accept', { params: { path: { id } }, body }),
  decline: (client, id, body) => client.POST('/referrals/{id}/decline', { params: { path: { id } }, body }),
  'request-information': (client, id, body) =>
    client.POST('/referrals/{id}/request-information', { params: { path: { id } }, body }),
  'provide-information': (client, id, body) =>
    client.POST('/referrals/{id}/provide-information', { params: { path: { id } }, body }),
  'start-service': (client, id, body) =>
    client.POST('/referrals/{id}/start-service', { params: { path: { id } }, body }),
  close: (client, id, body) => client.POST('/referrals/{id}/close', { params: { path: { id } }, body }),
};

const referralTo = (toCountry: string): NodeApi.components['schemas']['CreateReferralRequest'] => ({
  toCountry,
  reason: 'AdditionalServicesRequired',
  servicesRequested: ['Health', 'SocialCare'],
  urgency: 'high',
  person: { firstName: 'Lucía', secondName: 'Mora', birthdate: '2001-06-12', gender: 'Female', nationality: 'CO' },
  consent: {
    purpose: `Referral for assistance in ${toCountry}`,
    scope: ['identity', 'health'],
    recordedAt: new Date(Date.now() - 60_000).toISOString(),
  },
});

/** Reads a topic from its start until `count` records arrived (or 20 s passed), as parsed JSON values. */
async function readTopic(topic: string, count: number): Promise<Record<string, unknown>[]> {
  const kafka = createKafkaClient({ brokers: parseBrokerList(testInfra().kafkaBrokers), clientId: 'deadline-reader' });
  const consumer = kafka.consumer({ groupId: `reader-${Date.now()}` });
  const values: Record<string, unknown>[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        // a signed statement (JWS compact): its payload is readable by anyone, the signature is the node's
        const [, payload = ''] = (message.value?.toString() ?? '').split('.');
        values.push(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>);
      },
    });
    await eventually(async () => (values.length >= count ? true : undefined), {
      what: `${count} record(s) on ${topic}`,
      timeoutMs: 20_000,
      intervalMs: 100,
    });
    // A moment longer, so that a duplicate announcement would show.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return values;
  } finally {
    await consumer.disconnect();
  }
}

/** The referral as one end shows it, once it shows `status`. */
async function viewIn(
  client: NodeApiClient,
  id: string,
  status: ReferralView['status'],
  timeoutMs = 30_000,
): Promise<ReferralView> {
  return eventually(
    async () => {
      const { data } = await client.GET('/referrals/{id}', { params: { path: { id } } });
      return data?.status === status ? data : undefined;
    },
    { what: `referral ${id} to show ${status}`, timeoutMs, intervalMs: 50 },
  );
}

/** Takes an action and checks the answer: 200, with the status it leads to at this end. */
async function act<A extends Action>(
  client: NodeApiClient,
  id: string,
  action: A,
  body: ActionBody<A>,
  status: ReferralView['status'],
): Promise<ReferralView> {
  const answer = await actions[action](client, id, body);
  expect([action, answer.response.status, answer.data?.status]).toEqual([action, 200, status]);
  if (!answer.data) throw new Error(`${action} of ${id} answered ${answer.response.status}`);
  return answer.data;
}

/** The steps of the exchange both ends hold, from the sending on (each end alone records its draft). */
const exchangeSteps = (view: ReferralView) =>
  view.timeline
    .filter((entry) => entry.event !== 'ReferralDrafted')
    .map(({ event, side, status, detail }) => ({
      event,
      side,
      status,
      ...(detail ? { detail } : {}),
    }));

describe('the referral lifecycle across borders', () => {
  /**
   * Issue 3, scenario (c): CO refers a person to EC, which declines; CO refers to PE, which asks a question, accepts
   * once CO answered it, starts the service and closes with a successful outcome. Both ends agree at every step.
   */
  describe('(c) declined by EC, then served and closed by PE', () => {
    let network: ScenarioNetwork;
    let co: NodeApiClient;
    let ec: NodeApiClient;
    let pe: NodeApiClient;
    /** CO's and PE's focal points on the untyped client, for the requests that deliberately break the contract. */
    let coRaw: RawNodeApiClient;
    let peRaw: RawNodeApiClient;
    let toEc: string;
    let toPe: string;
    const question = 'Does the person need a Spanish-speaking psychologist on arrival?';
    const answer = 'Yes; she also has a follow-up appointment for a healed fracture.';
    const note = 'Shelter place reserved in Lima from Monday; contact the PE focal point.';

    beforeAll(async () => {
      network = await ScenarioNetwork.start('lifecycle', ['CO', 'EC', 'PE'], {});
      [co, ec, pe, coRaw, peRaw] = await Promise.all([
        network.api('CO'),
        network.api('EC'),
        network.api('PE'),
        network.client('CO'),
        network.client('PE'),
      ]);
    }, 180_000);

    afterAll(async () => {
      await network?.stop();
    }, 60_000);

    it('should let EC decline, and CO see the referral declined with EC’s reason', async () => {
      const created = await co.POST('/referrals', { body: referralTo('EC') });
      expect(created.response.status).toBe(201);
      toEc = created.data?.id ?? '';
      expect(created.data?.allowedActions).toEqual(['withdraw', 'withdraw-consent']);

      const atEc = await viewIn(ec, toEc, 'delivered');
      expect(atEc.allowedActions).toEqual(['accept', 'decline', 'request-information', 'withdraw-consent']);
      expect(atEc.overdue).toBe(false);
      await viewIn(co, toEc, 'delivered');

      const reason = 'No shelter place for adults in the requested province until June.';
      const declined = await act(ec, toEc, 'decline', { reason }, 'declined');
      expect(declined.allowedActions).toEqual([]);

      const atCo = await viewIn(co, toEc, 'declined');
      expect(atCo.declineReason).toBe(reason);
      expect(atCo.allowedActions).toEqual([]);
      expect(atCo.timeline.at(-1)).toEqual({
        at: expect.any(String),
        event: 'ReferralDeclined',
        side: 'receiver',
        status: 'declined',
        detail: reason,
      });
      expect(exchangeSteps(atCo)).toEqual(exchangeSteps(await viewIn(ec, toEc, 'declined')));
    }, 60_000);

    it('should carry PE’s question to CO and CO’s answer back, then let PE accept with a note', async () => {
      const created = await co.POST('/referrals', { body: referralTo('PE') });
      expect(created.response.status).toBe(201);
      toPe = created.data?.id ?? '';
      await viewIn(pe, toPe, 'delivered');
      await viewIn(co, toPe, 'delivered');

      await act(pe, toPe, 'request-information', { question }, 'info-requested');
      const asked = await viewIn(co, toPe, 'info-requested');
      expect(asked.informationRequest).toBe(question);
      expect(asked.allowedActions).toEqual(['provide-information', 'withdraw', 'withdraw-consent']);
      expect((await viewIn(pe, toPe, 'info-requested')).allowedActions).toEqual(['withdraw-consent']);

      await act(co, toPe, 'provide-information', { answer }, 'delivered');
      const answered = await eventually(
        async () => {
          const { data } = await pe.GET('/referrals/{id}', { params: { path: { id: toPe } } });
          return data?.timeline.some((entry) => entry.event === 'InformationProvided') ? data : undefined;
        },
        { what: 'PE to receive the answer', intervalMs: 50 },
      );
      expect(answered.status).toBe('delivered');
      expect(answered.timeline.at(-1)).toMatchObject({ event: 'InformationProvided', side: 'sender', detail: answer });
      expect(answered.allowedActions).toEqual(['accept', 'decline', 'request-information', 'withdraw-consent']);

      await act(pe, toPe, 'accept', { note }, 'accepted');
      const accepted = await viewIn(co, toPe, 'accepted');
      expect(accepted.timeline.at(-1)).toMatchObject({ event: 'ReferralAccepted', side: 'receiver', detail: note });
      expect(accepted.allowedActions).toEqual(['withdraw', 'withdraw-consent']);
    }, 60_000);

    it('should refuse what the referral’s status does not allow with 409, and a case worker’s answer with 403', async () => {
      const atPe = { params: { path: { id: toPe } } };
      const closeTooEarly = await pe.POST('/referrals/{id}/close', { ...atPe, body: { outcome: 'successful' } });
      expect(closeTooEarly.response.status).toBe(409);
      expect(closeTooEarly.response.headers.get('content-type')).toContain('application/problem+json');
      expect((await pe.POST('/referrals/{id}/accept', { ...atPe, body: {} })).response.status).toBe(409);
      expect((await co.POST('/referrals/{id}/start-service', { ...atPe, body: {} })).response.status).toBe(409);
      const withdrawn = await co.POST('/referrals/{id}/withdraw', {
        params: { path: { id: toEc } },
        body: { reason: 'Too late' },
      });
      expect(withdrawn.response.status).toBe(409);

      const peCaseWorker = await network.api('PE', 'caseworker');
      expect((await peCaseWorker.POST('/referrals/{id}/start-service', { ...atPe, body: {} })).response.status).toBe(
        403,
      );
      // every action of a referral speaks across the border: a focal point's, none a case worker's
      expect((await peCaseWorker.GET('/referrals/{id}', atPe)).data?.allowedActions).toEqual([]);
      // Raw: bodies the contract refuses (a property it does not know, a missing question), sent to see the 400.
      expect((await peRaw.request('POST', `/referrals/${toPe}/start-service`, { when: 'now' })).status).toBe(400);
      expect((await peRaw.request('POST', `/referrals/${toPe}/request-information`, {})).status).toBe(400);
    }, 30_000);

    it('should let PE start the service, refuse an unsuccessful closing without reason, and close with success', async () => {
      await act(pe, toPe, 'start-service', {}, 'in-service');
      expect((await viewIn(co, toPe, 'in-service')).allowedActions).toEqual(['withdraw', 'withdraw-consent']);
      expect((await viewIn(pe, toPe, 'in-service')).allowedActions).toEqual(['close', 'withdraw-consent']);

      const withoutReason = await pe.POST('/referrals/{id}/close', {
        params: { path: { id: toPe } },
        body: { outcome: 'unsuccessful' },
      });
      expect(withoutReason.response.status).toBe(422);
      expect(withoutReason.response.headers.get('content-type')).toContain('application/problem+json');
      // The problem's body, as openapi-fetch parses it (its type is keyed by the problem's media type).
      expect((withoutReason.error as Problem | undefined)?.detail).toContain('REASON_REQUIRED');
      // Raw: an outcome the contract does not have, sent to see the 400.
      expect((await peRaw.request('POST', `/referrals/${toPe}/close`, { outcome: 'partly' })).status).toBe(400);

      const closed = await act(pe, toPe, 'close', { outcome: 'successful' }, 'closed');
      expect(closed.outcome).toEqual({ result: 'successful' });

      const atCo = await viewIn(co, toPe, 'closed');
      const atPe = await viewIn(pe, toPe, 'closed');
      expect(atCo.outcome).toEqual(atPe.outcome);
      expect(atCo.allowedActions).toEqual([]);
      expect(atPe.allowedActions).toEqual([]);
      expect(exchangeSteps(atCo)).toEqual(exchangeSteps(atPe));
      expect(exchangeSteps(atCo).map((step) => `${step.side}:${step.event}:${step.status}`)).toEqual([
        'sender:ReferralSent:sent',
        'receiver:ReferralDelivered:delivered',
        'receiver:InformationRequested:info-requested',
        'sender:InformationProvided:delivered',
        'receiver:ReferralAccepted:accepted',
        'receiver:ServiceStarted:in-service',
        'receiver:ReferralClosed:closed',
      ]);
    }, 60_000);

    it('should list each end’s referrals with the same statuses', async () => {
      const outgoing = await co.GET('/referrals', { params: { query: { direction: 'outgoing' } } });
      const statuses = Object.fromEntries((outgoing.data?.items ?? []).map((item) => [item.id, item.status]));
      expect(statuses).toEqual({ [toEc]: 'declined', [toPe]: 'closed' });

      const incoming = { params: { query: { direction: 'incoming' as const } } };
      const atEc = await ec.GET('/referrals', incoming);
      const atPe = await pe.GET('/referrals', incoming);
      expect(atEc.data?.items.map((item) => [item.id, item.status])).toEqual([[toEc, 'declined']]);
      expect(atPe.data?.items.map((item) => [item.id, item.status])).toEqual([[toPe, 'closed']]);
      expect((await co.GET('/referrals', { params: { query: { overdue: true } } })).data?.items).toEqual([]);
      // Raw: a query value the contract refuses (overdue is a boolean), sent to see the 400.
      expect((await coRaw.request('GET', '/referrals?overdue=maybe')).status).toBe(400);
    }, 30_000);

    it('should keep the case workers’ free texts in the cases and out of every log', async () => {
      // The logs are there (each node mapped the new routes), and none of them holds what the case workers wrote.
      expect(await network.logsContaining('/api/v1/referrals/:id/close, POST')).toHaveLength(3);
      for (const text of [question, answer, note, 'Lucía'])
        expect([text, await network.logsContaining(text)]).toEqual([text, []]);
    }, 30_000);
  });

  /**
   * Issue 3, scenario (e): with an answer period of three seconds, a referral EC leaves unanswered shows as overdue
   * at CO (and EC), then CO lets it expire and EC learns it.
   */
  describe('(e) left unanswered: overdue, then expired', () => {
    let network: ScenarioNetwork;
    let co: NodeApiClient;
    let ec: NodeApiClient;

    beforeAll(async () => {
      network = await ScenarioNetwork.start('deadline', ['CO', 'EC'], {
        ENLACE_REFERRAL_ANSWER_PERIOD: 'PT3S',
        // The referral stays overdue for two seconds before it expires, long enough to be seen without a race.
        ENLACE_REFERRAL_EXPIRY_GRACE: 'PT2S',
        ENLACE_REFERRAL_EXPIRY_POLL_MS: '200',
        ENLACE_OVERDUE_SCAN_MS: '200',
      });
      [co, ec] = await Promise.all([network.api('CO'), network.api('EC')]);
    }, 180_000);

    afterAll(async () => {
      await network?.stop();
    }, 60_000);

    it('should show the referral overdue at CO once the answer is due, then expired at CO and at EC', async () => {
      const created = await co.POST('/referrals', { body: referralTo('EC') });
      expect(created.response.status).toBe(201);
      const id = created.data?.id ?? '';
      expect(Date.parse(created.data?.answerDueAt ?? '') - Date.now()).toBeLessThanOrEqual(3_000);
      expect(created.data?.overdue).toBe(false);
      await viewIn(ec, id, 'delivered');
      const overdueOnly = { params: { query: { overdue: true } } };
      expect((await co.GET('/referrals', overdueOnly)).data?.items).toEqual([]);

      const overdue = await eventually(
        async () => {
          const list = await co.GET('/referrals', overdueOnly);
          return list.data?.items.find((item) => item.id === id);
        },
        { what: 'CO to list the referral as overdue', timeoutMs: 10_000, intervalMs: 50 },
      );
      expect(overdue).toMatchObject({ status: 'delivered', overdue: true });
      expect((await ec.GET('/referrals/{id}', { params: { path: { id } } })).data?.overdue).toBe(true);

      const atCo = await viewIn(co, id, 'expired', 15_000);
      expect(atCo.overdue).toBe(false);
      expect(atCo.allowedActions).toEqual([]);
      expect(atCo.timeline.at(-1)).toMatchObject({ event: 'ReferralExpired', side: 'sender', status: 'expired' });
      const atEc = await viewIn(ec, id, 'expired', 15_000);
      expect(atEc.allowedActions).toEqual([]);
      expect(exchangeSteps(atEc)).toEqual(exchangeSteps(atCo));
      expect((await co.GET('/referrals', overdueOnly)).data?.items).toEqual([]);
      expect(
        (await co.GET('/referrals', { params: { query: { status: 'expired' } } })).data?.items.map((item) => item.id),
      ).toEqual([id]);

      const tooLate = await ec.POST('/referrals/{id}/accept', { params: { path: { id } }, body: {} });
      expect(tooLate.response.status).toBe(409);

      // The network heard of it too, once, signed by CO, readable and without the person: CO announced EC's late answer.
      const announcements = await readTopic(TopicNames.deadlines(network.net.network), 1);
      expect(announcements).toEqual([
        expect.objectContaining({
          country: 'CO',
          counterpart: 'EC',
          protocol: 'referral',
          caseRef: id,
          step: 'delivered',
        }),
      ]);
      expect(JSON.stringify(announcements)).not.toContain('Lucía');
    }, 60_000);
  });
});
