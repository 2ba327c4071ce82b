import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, randomBytes } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import type { NodeApiClient } from '@enlace/client';
import { eventually } from '@enlace/testing';
import { ScenarioNetwork } from './support/scenario-network';

interface ReceivedMail {
  to: string;
  text: string;
}

interface ReceivedHook {
  id: string;
  signature: string;
  body: string;
  answered: number;
}

/** The check the API document tells a receiver to make: HMAC-SHA256 of "<t>.<body>" under the secret. */
function verifyWebhook(secret: string, body: string, header: string): boolean {
  const { t, v1 } = Object.fromEntries(header.split(',').map((part) => part.split('=', 2))) as {
    t: string;
    v1: string;
  };
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex') === v1;
}

/** A real SMTP server (the smtp-server package) that keeps every message it is given. */
async function startSmtp(mails: ReceivedMail[]): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        // The body as a reader sees it: quoted-printable soft line breaks and escapes undone.
        const text = Buffer.concat(chunks)
          .toString('utf8')
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(','), text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port };
}

/** A real HTTP receiver of webhooks: it answers 500 to its first request, then 204. */
async function startReceiver(hooks: ReceivedHook[]): Promise<{ server: Server; url: string }> {
  let requests = 0;
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests++;
      const answered = requests === 1 ? 500 : 204;
      hooks.push({
        id: String(request.headers['x-enlace-notification-id']),
        signature: String(request.headers['x-enlace-signature']),
        body: Buffer.concat(chunks).toString('utf8'),
        answered,
      });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/enlace` };
}

describe('notifications of what arrived, by e-mail and signed webhook', () => {
  // A person's name no notification may carry.
  const marker = `Zelmira${randomBytes(4).toString('hex')}`;
  const mails: ReceivedMail[] = [];
  const hooks: ReceivedHook[] = [];
  let smtp: { server: SMTPServer; port: number };
  let receiver: { server: Server; url: string };
  let network: ScenarioNetwork;
  let co: NodeApiClient;
  let ec: NodeApiClient;

  beforeAll(async () => {
    smtp = await startSmtp(mails);
    receiver = await startReceiver(hooks);
    network = await ScenarioNetwork.start('notify', ['CO', 'EC'], {
      ENLACE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      ENLACE_CONSOLE_URL: 'https://console.example.org',
      ENLACE_NOTIFY_SCAN_MS: '200',
      ENLACE_NOTIFY_FIRST_RETRY_MS: '500',
    });
    [co, ec] = await Promise.all([network.api('CO'), network.api('EC')]);
  }, 240_000);

  afterAll(async () => {
    await network?.stop();
    await new Promise<void>((resolve) => smtp?.server.close(() => resolve()));
    receiver?.server.closeAllConnections();
    await new Promise((resolve) => receiver?.server.close(resolve));
  }, 60_000);

  it('should refuse a subscription it could not keep, naming the field', async () => {
    const plain = await ec.POST('/notifications/subscriptions', {
      body: { channel: 'webhook', address: 'http://cms.example.org/hook', events: ['incoming'] },
    });
    expect(plain.response.status).toBe(422);
    expect(JSON.stringify(plain.error)).toContain('/address');
  });

  it('should tell EC of the new referral by e-mail, and CO of the answer by a webhook retried after a failure', async () => {
    const email = await ec.POST('/notifications/subscriptions', {
      body: { channel: 'email', address: 'focal.point@ec.example.org', events: ['incoming'] },
    });
    expect(email.response.status).toBe(201);
    expect(email.data?.secret).toBeUndefined();
    const hook = await co.POST('/notifications/subscriptions', {
      body: { channel: 'webhook', address: receiver.url, events: ['answer'] },
    });
    expect(hook.response.status).toBe(201);
    const secret = hook.data?.secret ?? '';
    expect(secret.length).toBeGreaterThan(30);

    const created = await co.POST('/referrals', {
      body: {
        toCountry: 'EC',
        reason: 'AdditionalServicesRequired',
        servicesRequested: ['Health'],
        urgency: 'high',
        person: { firstName: marker, secondName: 'Mora', birthdate: '2001-06-12', gender: 'Female', nationality: 'CO' },
        consent: {
          purpose: 'Referral for assistance in EC',
          scope: ['identity', 'health'],
          recordedAt: new Date(Date.now() - 60_000).toISOString(),
        },
      },
    });
    expect(created.response.status).toBe(201);
    const id = created.data?.id ?? '';

    const mail = await eventually(async () => mails.find((m) => m.text.includes(id)), {
      what: 'the e-mail of the incoming referral',
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    expect(mail.to).toBe('focal.point@ec.example.org');
    expect(mail.text).toContain(`New incoming referral ${id} (CO)`);
    expect(mail.text).toContain(`https://console.example.org/referrals/${id}`);
    expect(mail.text).not.toContain(marker);

    await eventually(
      async () => {
        const answer = await ec.POST('/referrals/{id}/accept', {
          params: { path: { id } },
          body: { note: 'Shelter place found' },
        });
        return answer.response.status === 200 ? true : undefined;
      },
      { what: 'EC to accept', timeoutMs: 30_000, intervalMs: 200 },
    );
    const delivered = await eventually(async () => hooks.find((h) => h.answered === 204 && h.body.includes(id)), {
      what: 'the webhook of the answer, delivered',
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    // The first attempt got 500 and was tried again with the same id; both were signed with the secret.
    const attempts = hooks.filter((h) => h.id === delivered.id);
    expect(attempts.map((h) => h.answered)).toEqual([500, 204]);
    for (const attempt of attempts) expect(verifyWebhook(secret, attempt.body, attempt.signature)).toBe(true);
    expect(verifyWebhook('another secret', delivered.body, delivered.signature)).toBe(false);
    expect(JSON.parse(delivered.body)).toMatchObject({
      event: 'answer',
      country: 'CO',
      protocol: 'referral',
      caseId: id,
      step: 'referral.accepted.v1',
      counterpart: 'EC',
      link: `https://console.example.org/referrals/${id}`,
    });
    expect(delivered.body).not.toContain(marker);
    expect(mails.filter((m) => m.text.includes(id))).toHaveLength(1);
  }, 120_000);

  it("should list a user's own subscriptions only, and stop one on request", async () => {
    const mine = await ec.GET('/notifications/subscriptions');
    expect(mine.data?.items.map((s) => s.channel)).toEqual(['email']);
    const other = await network.api('EC', 'supervisor');
    const theirs = await other.GET('/notifications/subscriptions');
    expect(theirs.data?.items).toEqual([]);
    const subscription = { params: { path: { id: mine.data?.items[0]?.id ?? '' } } };
    expect((await other.DELETE('/notifications/subscriptions/{id}', subscription)).response.status).toBe(404);
    expect((await ec.DELETE('/notifications/subscriptions/{id}', subscription)).response.status).toBe(204);
    const after = await ec.GET('/notifications/subscriptions');
    expect(after.data?.items).toEqual([]);
  });
});
