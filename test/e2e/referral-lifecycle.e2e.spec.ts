import { TopicNames, createKafkaClient, parseBrokerList } from '@enlace/messaging';
import { NodeApiClient, eventually, testInfra } from '@enlace/testing';
import { ScenarioNetwork } from './support/scenario-network';

interface TimelineEntry {
  event: string;
  side: string;
  status: string;
  detail?: string;
}

interface ReferralView {
  id: string;
  status: string;
  direction: string;
  overdue: boolean;
  answerDueAt?: string;
  declineReason?: string;
  informationRequest?: string;
  outcome?: { result: string; reason?: string };
  allowedActions: string[];
  timeline: TimelineEntry[];
}

interface ReferralList {
  items: { id: string; status: string; overdue: boolean }[];
}

const referralTo = (toCountry: string) => ({
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
async function viewIn(client: NodeApiClient, id: string, status: string, timeoutMs = 30_000): Promise<ReferralView> {
  return eventually(
    async () => {
      const view = await client.request<ReferralView>('GET', `/referrals/${id}`);
      return view.status === 200 && view.body.status === status ? view.body : undefined;
    },
    { what: `${client.apiUrl} to show referral ${id} ${status}`, timeoutMs, intervalMs: 50 },
  );
}

/** Takes an action and checks the answer: 200, with the status it leads to at this end. */
async function act(
  client: NodeApiClient,
  id: string,
  action: string,
  body: Record<string, unknown>,
  status: string,
): Promise<ReferralView> {
  const answer = await client.request<ReferralView>('POST', `/referrals/${id}/${action}`, body);
  expect([action, answer.status, answer.body.status]).toEqual([action, 200, status]);
  return answer.body;
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
    let toEc: string;
    let toPe: string;
    const question = 'Does the person need a Spanish-speaking psychologist on arrival?';
    const answer = 'Yes; she also has a follow-up appointment for a healed fracture.';
    const note = 'Shelter place reserved in Lima from Monday; contact the PE focal point.';

    beforeAll(async () => {
      network = await ScenarioNetwork.start('lifecycle', ['CO', 'EC', 'PE'], {});
      [co, ec, pe] = await Promise.all([network.client('CO'), network.client('EC'), network.client('PE')]);
    }, 180_000);

    afterAll(async () => {
      await network?.stop();
    }, 60_000);

    it('should let EC decline, and CO see the referral declined with EC’s reason', async () => {
      const created = await co.request<ReferralView>('POST', '/referrals', referralTo('EC'));
      expect(created.status).toBe(201);
      toEc = created.body.id;
      expect(created.body.allowedActions).toEqual(['withdraw', 'withdraw-consent']);

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
      const created = await co.request<ReferralView>('POST', '/referrals', referralTo('PE'));
      expect(created.status).toBe(201);
      toPe = created.body.id;
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
          const view = await pe.request<ReferralView>('GET', `/referrals/${toPe}`);
          return view.body.timeline.some((entry) => entry.event === 'InformationProvided') ? view.body : undefined;
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
      const closeTooEarly = await pe.request('POST', `/referrals/${toPe}/close`, { outcome: 'successful' });
      expect(closeTooEarly.status).toBe(409);
      expect(closeTooEarly.contentType).toContain('application/problem+json');
      expect((await pe.request('POST', `/referrals/${toPe}/accept`, {})).status).toBe(409);
      expect((await co.request('POST', `/referrals/${toPe}/start-service`, {})).status).toBe(409);
      expect((await co.request('POST', `/referrals/${toEc}/withdraw`, { reason: 'Too late' })).status).toBe(409);

      const peCaseWorker = await network.client('PE', 'caseworker');
      expect((await peCaseWorker.request('POST', `/referrals/${toPe}/start-service`, {})).status).toBe(403);
      // every action of a referral speaks across the border: a focal point's, none a case worker's
      expect((await peCaseWorker.request<ReferralView>('GET', `/referrals/${toPe}`)).body.allowedActions).toEqual([]);
      expect((await pe.request('POST', `/referrals/${toPe}/start-service`, { when: 'now' })).status).toBe(400);
      expect((await pe.request('POST', `/referrals/${toPe}/request-information`, {})).status).toBe(400);
    }, 30_000);

    it('should let PE start the service, refuse an unsuccessful closing without reason, and close with success', async () => {
      await act(pe, toPe, 'start-service', {}, 'in-service');
      expect((await viewIn(co, toPe, 'in-service')).allowedActions).toEqual(['withdraw', 'withdraw-consent']);
      expect((await viewIn(pe, toPe, 'in-service')).allowedActions).toEqual(['close', 'withdraw-consent']);

      const withoutReason = await pe.request<{ status: number; detail: string }>('POST', `/referrals/${toPe}/close`, {
        outcome: 'unsuccessful',
      });
      expect(withoutReason.status).toBe(422);
      expect(withoutReason.contentType).toContain('application/problem+json');
      expect(withoutReason.body.detail).toContain('REASON_REQUIRED');
      expect((await pe.request('POST', `/referrals/${toPe}/close`, { outcome: 'partly' })).status).toBe(400);

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
      const outgoing = await co.request<ReferralList>('GET', '/referrals?direction=outgoing');
      const statuses = Object.fromEntries(outgoing.body.items.map((item) => [item.id, item.status]));
      expect(statuses).toEqual({ [toEc]: 'declined', [toPe]: 'closed' });

      const atEc = await ec.request<ReferralList>('GET', '/referrals?direction=incoming');
      const atPe = await pe.request<ReferralList>('GET', '/referrals?direction=incoming');
      expect(atEc.body.items.map((item) => [item.id, item.status])).toEqual([[toEc, 'declined']]);
      expect(atPe.body.items.map((item) => [item.id, item.status])).toEqual([[toPe, 'closed']]);
      expect((await co.request<ReferralList>('GET', '/referrals?overdue=true')).body.items).toEqual([]);
      expect((await co.request('GET', '/referrals?overdue=maybe')).status).toBe(400);
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
      [co, ec] = await Promise.all([network.client('CO'), network.client('EC')]);
    }, 180_000);

    afterAll(async () => {
      await network?.stop();
    }, 60_000);

    it('should show the referral overdue at CO once the answer is due, then expired at CO and at EC', async () => {
      const created = await co.request<ReferralView>('POST', '/referrals', referralTo('EC'));
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect(Date.parse(created.body.answerDueAt ?? '') - Date.now()).toBeLessThanOrEqual(3_000);
      expect(created.body.overdue).toBe(false);
      await viewIn(ec, id, 'delivered');
      expect((await co.request<ReferralList>('GET', '/referrals?overdue=true')).body.items).toEqual([]);

      const overdue = await eventually(
        async () => {
          const list = await co.request<ReferralList>('GET', '/referrals?overdue=true');
          return list.body.items.find((item) => item.id === id);
        },
        { what: 'CO to list the referral as overdue', timeoutMs: 10_000, intervalMs: 50 },
      );
      expect(overdue).toMatchObject({ status: 'delivered', overdue: true });
      expect((await ec.request<ReferralView>('GET', `/referrals/${id}`)).body.overdue).toBe(true);

      const atCo = await viewIn(co, id, 'expired', 15_000);
      expect(atCo.overdue).toBe(false);
      expect(atCo.allowedActions).toEqual([]);
      expect(atCo.timeline.at(-1)).toMatchObject({ event: 'ReferralExpired', side: 'sender', status: 'expired' });
      const atEc = await viewIn(ec, id, 'expired', 15_000);
      expect(atEc.allowedActions).toEqual([]);
      expect(exchangeSteps(atEc)).toEqual(exchangeSteps(atCo));
      expect((await co.request<ReferralList>('GET', '/referrals?overdue=true')).body.items).toEqual([]);
      expect(
        (await co.request<ReferralList>('GET', '/referrals?status=expired')).body.items.map((item) => item.id),
      ).toEqual([id]);

      const tooLate = await ec.request('POST', `/referrals/${id}/accept`, {});
      expect(tooLate.status).toBe(409);

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
