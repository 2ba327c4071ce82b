import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role, tokenAudience, tokenIssuer } from '@enlace/auth';
import { ensureKeyEncryptionKeyFile } from '@enlace/privacy';
import { ensureAuditKeyFile } from '@enlace/audit';
import { InboxStore, NodeDatabase, ScratchDatabase } from '@enlace/store';
import { SignJWT } from 'jose';
import { NodeApiModule } from '../node-api.module';
import { configureNodeApiHttp } from '../node-api.http';
import type { InboxEntryListView } from './dto/inbox-entry.view';

/** What the inbox operations answer: a list, a re-apply's result or a problem. */
type Answer = InboxEntryListView & { reapplied: string[] };

const NETWORK = 'inboxapi';
const SECRET = 'an-inbox-test-secret-of-at-least-32-characters';

const tokenFor = (roles: Role[], country = 'CO') =>
  new SignJWT({ country, roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(tokenIssuer(NETWORK))
    .setAudience(tokenAudience(NETWORK))
    .setSubject(`${country.toLowerCase()}.${roles.join('+')}`)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(SECRET));

/**
 * The inbox operations of node-api over real HTTP, on the real PostgreSQL: a supervisor lists what is set aside or
 * waiting and applies a set-aside message again; the audit log records it; nobody else may.
 */
describe('InboxHttpController (node-api over HTTP, on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  let home: string;
  let app: INestApplication;
  let api: string;
  let inbox: InboxStore;
  const saved = { ...process.env };

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_inbox_http');
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'enlace-inbox-http-'));
    const kekFile = path.join(home, 'kek.json');
    await ensureKeyEncryptionKeyFile(kekFile);
    const auditKeyFile = path.join(path.dirname(kekFile), 'audit-key.json');
    await ensureAuditKeyFile(auditKeyFile);
    await fs.writeFile(path.join(home, 'users.json'), '[]');
    Object.assign(process.env, {
      ENLACE_COUNTRY: 'CO',
      ENLACE_NETWORK: NETWORK,
      ENLACE_JWT_SECRET: SECRET,
      DATABASE_URL: scratch.url,
      ENLACE_USERS_FILE: path.join(home, 'users.json'),
      ENLACE_CASE_KEK_FILE: kekFile,
      ENLACE_AUDIT_KEY_FILE: auditKeyFile,
      ENLACE_INBOX_POLL_MS: '60000',
    });
    app = await NestFactory.create<NestExpressApplication>(NodeApiModule, { logger: false });
    configureNodeApiHttp(app);
    await app.listen(0, '127.0.0.1');
    api = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v1`;
    inbox = new InboxStore(scratch.db);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    process.env = saved;
    await scratch?.drop();
    if (home) await fs.rm(home, { recursive: true, force: true });
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
    const response = await fetch(`${api}${route}`, {
      method,
      headers: roles ? { authorization: `Bearer ${await tokenFor(roles, country)}` } : {},
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
    const audited = await scratch.db.selectFrom('audit_log').selectAll().where('action', 'like', '%reapply').execute();
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
