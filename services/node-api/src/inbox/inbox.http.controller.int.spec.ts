import { randomUUID } from 'node:crypto';
import type { Role } from '@enlace/auth';
import { InboxStore } from '@enlace/store';
import { NodeApiTestApp } from '../testing/node-api-test-app';
import type { InboxEntryListView } from './dto/inbox-entry.view';

/** What the inbox operations answer: a list, a re-apply's result or a problem. */
type Answer = InboxEntryListView & { reapplied: string[] };

/**
 * The inbox operations of node-api over real HTTP, on the real PostgreSQL: a supervisor lists what is set aside or
 * waiting and applies a set-aside message again; the audit log records it; nobody else may.
 */
describe('InboxHttpController (node-api over HTTP, on the real PostgreSQL)', () => {
  let node: NodeApiTestApp;
  let inbox: InboxStore;

  beforeAll(async () => {
    node = await NodeApiTestApp.start({
      database: 'int_inbox_http',
      network: 'inboxapi',
      settings: { ENLACE_INBOX_POLL_MS: '60000' },
    });
    inbox = new InboxStore(node.db);
  }, 60_000);

  afterAll(async () => {
    await node?.close();
  });

  /** An entry of an unknown kind: the applier sets it aside at once (UNSUPPORTED_TYPE). */
  async function setAsideEntry(): Promise<string> {
    const envelopeId = randomUUID();
    const caseId = randomUUID();
    await inbox.record([
      {
        envelopeId,
        type: 'unknown.thing.v1',
        from: 'EC',
        caseId,
        correlationId: caseId,
        sentAt: new Date(),
        receivedAt: new Date(),
        digest: 'digest',
        sealedPayload: 'sealed',
      },
    ]);
    await inbox.markRejected(envelopeId, { code: 'UNSUPPORTED_TYPE', detail: 'no handler for unknown.thing.v1' });
    return envelopeId;
  }

  const call = async (method: string, route: string, roles: Role[] | null, country = 'CO') => {
    const response = await fetch(`${node.url}/api/v1${route}`, {
      method,
      headers: roles ? { authorization: `Bearer ${await node.token({ roles, country })}` } : {},
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as Answer,
    };
  };

  it('should list the set-aside entries with their reason and the inbox counts, never a payload, to a supervisor', async () => {
    const id = await setAsideEntry();

    const { status, body } = await call('GET', '/inbox/set-aside', ['supervisor']);

    expect(status).toBe(200);
    expect(body.items).toContainEqual(
      expect.objectContaining({
        envelopeId: id,
        from: 'EC',
        payloadKept: true,
        setAside: expect.objectContaining({ code: 'UNSUPPORTED_TYPE' }),
      }),
    );
    expect(JSON.stringify(body)).not.toContain('sealed');
    expect(body.counts).toEqual(expect.objectContaining({ setAside: expect.any(Number), waiting: 0 }));
  });

  it('should refuse the inbox to other roles and other countries, and without a token', async () => {
    expect((await call('GET', '/inbox/set-aside', ['focal-point'])).status).toBe(403);
    expect((await call('GET', '/inbox/waiting', ['auditor'])).status).toBe(403);
    expect((await call('POST', '/inbox/set-aside/reapply', ['case-worker'])).status).toBe(403);
    expect((await call('GET', '/inbox/set-aside', ['supervisor'], 'EC')).status).toBe(403);
    expect((await call('GET', '/inbox/set-aside', null)).status).toBe(401);
  });

  it('should put one set-aside entry back once, audited, and answer 409 to the second and 404 to an unknown id', async () => {
    const id = await setAsideEntry();

    const first = await call('POST', `/inbox/${id}/reapply`, ['supervisor']);
    const second = await call('POST', `/inbox/${id}/reapply`, ['supervisor']);
    const unknown = await call('POST', `/inbox/${randomUUID()}/reapply`, ['supervisor']);
    const malformed = await call('POST', '/inbox/not-an-id/reapply', ['supervisor']);

    expect(first).toMatchObject({ status: 202, body: { reapplied: [id] } });
    expect(second).toMatchObject({ status: 409, type: expect.stringContaining('application/problem+json') });
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(400);
    expect(await inbox.summary(id)).toMatchObject({ reapplied: 1 });
    const audited = await node.db.selectFrom('audit_log').selectAll().where('action', 'like', '%reapply').execute();
    expect(audited).toContainEqual(
      expect.objectContaining({
        outcome: 202,
        resource: { 'inbox-entry': id },
        actor: expect.objectContaining({ roles: ['supervisor'] }),
      }),
    );
  });

  it('should put every set-aside entry back at once', async () => {
    const ids = [await setAsideEntry(), await setAsideEntry()];

    const { status, body } = await call('POST', '/inbox/set-aside/reapply', ['supervisor']);

    expect(status).toBe(202);
    expect(body.reapplied).toEqual(expect.arrayContaining(ids));
  });

  it('should list a message that waits for the one it follows as waiting, counted', async () => {
    const caseId = randomUUID();
    const envelopeId = randomUUID();
    await inbox.record([
      {
        envelopeId,
        type: 'referral.closed.v1',
        from: 'EC',
        caseId,
        correlationId: caseId,
        sentAt: new Date(),
        receivedAt: new Date(),
        digest: 'digest',
      },
    ]);
    await inbox.postpone(envelopeId, new Date(Date.now() + 60_000));

    const { status, body } = await call('GET', '/inbox/waiting?limit=10', ['supervisor']);

    expect(status).toBe(200);
    expect(body.items).toEqual([
      expect.objectContaining({ envelopeId, waitingUntil: expect.any(String), attempts: 1 }),
    ]);
    expect(body.counts.waiting).toBe(1);
    expect((await call('GET', '/inbox/waiting?limit=0', ['supervisor'])).status).toBe(400);
  });
});
