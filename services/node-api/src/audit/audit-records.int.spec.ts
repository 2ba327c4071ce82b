import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { rolesWith } from '@enlace/auth';
import { AuditLogStore, AuditRecord, loadAuditKey } from '@enlace/audit';
import type { NodeDatabase } from '@enlace/store';
import type { NodeApiClient } from '@enlace/client';
import type { NodeApi } from '@enlace/contracts';
import type { Kysely } from 'kysely';
import { NodeApiTestApp } from '../testing/node-api-test-app';

type AuditRecordView = NodeApi.components['schemas']['AuditRecordView'];
type AuditQuery = NonNullable<NodeApi.operations['listAuditRecords']['parameters']['query']>;
type AuditCsvQuery = NonNullable<NodeApi.operations['exportAuditRecordsCsv']['parameters']['query']>;

/**
 * GET /audit/records on node-api as it runs (its whole module, guards and audit), on the real PostgreSQL: records
 * written by the node's own AuditLogStore are paged each exactly once, in the order asked, filters narrow them, and
 * only an auditor reads them.
 */
describe('AuditRecordsHttpController (on the real PostgreSQL)', () => {
  const user = `auditee-${randomUUID().slice(0, 8)}`;
  const other = `other-${randomUUID().slice(0, 8)}`;
  let node: NodeApiTestApp;
  let db: Kysely<NodeDatabase>;
  let store: AuditLogStore;
  let written: AuditRecord[] = [];

  const as = (role: string): Promise<NodeApiClient> => node.typedClient({ roles: [role] });

  const list = async (query: AuditQuery) => (await as('auditor')).GET('/audit/records', { params: { query } });

  /** Every page of a list, following nextCursor. */
  const walk = async (query: AuditQuery): Promise<{ items: AuditRecordView[]; pages: number }> => {
    const items: AuditRecordView[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      const { data, response } = await list(cursor === undefined ? query : { ...query, cursor });
      expect(response.status).toBe(200);
      items.push(...(data?.items ?? []));
      cursor = data?.nextCursor;
      pages++;
    } while (cursor !== undefined && pages < 20);
    return { items, pages };
  };

  beforeAll(async () => {
    node = await NodeApiTestApp.start({ database: 'int_audit_records', network: 'auditint' });
    db = await node.scratch.open(2);
    store = new AuditLogStore(db, { key: await loadAuditKey(path.join(node.home, 'audit-key.json')) });
    const actor = (username: string) => ({ username, country: 'CO', roles: ['case-worker'] });
    written = [];
    for (let i = 0; i < 7; i++) {
      written.push(
        await store.append({
          at: new Date(Date.UTC(2026, 0, 10 + i, 12)).toISOString(),
          actor: actor(i === 3 ? other : user),
          action: i % 2 === 0 ? 'GET /api/v1/referrals/:id' : 'POST /api/v1/referrals/:id/accept',
          resource: { referral: randomUUID() },
          outcome: i === 6 ? 409 : 200,
        }),
      );
    }
  }, 60_000);

  afterAll(async () => {
    await node?.close();
  });

  it('should page the records of one user newest first, each exactly once, showing no seal and no more of the user', async () => {
    const { items, pages } = await walk({ user, limit: 2 });
    const mine = written.filter((record) => record.actor?.username === user);
    expect(pages).toBe(3);
    expect(items.map((item) => item.seq)).toEqual(mine.map((record) => record.seq).reverse());
    const first = mine.at(-1) as AuditRecord;
    expect(items[0]).toEqual({
      seq: first.seq,
      at: first.at,
      user,
      action: first.action,
      resources: [{ type: 'referral', id: first.resource['referral'] }],
      outcome: 409,
    });
  });

  it('should page in chain order with sort=sequence', async () => {
    const { items } = await walk({ user, sort: 'sequence', limit: 4 });
    const mine = written.filter((record) => record.actor?.username === user).map((record) => record.seq);
    expect(items.map((item) => item.seq)).toEqual(mine);
  });

  it('should narrow by time range, action and user', async () => {
    const range = await walk({ from: '2026-01-11T00:00:00Z', to: '2026-01-13T00:00:00Z', sort: 'sequence' });
    expect(range.items.map((item) => item.seq)).toEqual([written[1]?.seq, written[2]?.seq]);
    const accepts = await walk({ user, action: 'POST /api/v1/referrals/:id/accept' });
    expect(accepts.items.map((item) => item.seq)).toEqual([written[5]?.seq, written[1]?.seq]);
    const others = await walk({ user: other });
    expect(others.items.map((item) => item.seq)).toEqual([written[3]?.seq]);
  });

  it('should refuse a cursor given back with other filters, and a range that ends before it starts', async () => {
    const first = await list({ user, limit: 2 });
    const cursor = first.data?.nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    const moved = await list({ user: other, limit: 2, cursor });
    expect(moved.response.status).toBe(400);
    expect(JSON.stringify(moved.error)).toContain('cursor');
    const backwards = await list({ from: '2026-01-12T00:00:00Z', to: '2026-01-11T00:00:00Z' });
    expect(backwards.response.status).toBe(422);
    const tooMany = await list({ limit: 201 });
    expect(tooMany.response.status).toBe(400);
  });

  it('should answer 403 to a role without audit.read (a supervisor has it), and 401 without a token', async () => {
    expect(rolesWith('audit.read').sort()).toEqual(['auditor', 'supervisor']);
    expect((await (await as('supervisor')).GET('/audit/records')).response.status).toBe(200);
    for (const role of ['case-worker', 'secretariat', 'focal-point', 'hotline']) {
      expect((await (await as(role)).GET('/audit/records')).response.status).toBe(403);
    }
    expect((await (await node.typedClient()).GET('/audit/records')).response.status).toBe(401);
  });

  describe('GET /audit/records.csv', () => {
    const exportCsv = async (query: AuditCsvQuery, role = 'auditor') =>
      (await as(role)).GET('/audit/records.csv', { params: { query }, parseAs: 'text' });
    const lines = (csv: string): string[] => csv.split('\r\n').filter((line) => line !== '');
    const exportAction = 'GET /api/v1/audit/records.csv';

    it('should export the records of the filters in the order asked, and record the export before serving it', async () => {
      const before = (await walk({ action: exportAction })).items.length;
      const { data, response } = await exportCsv({ user, sort: 'sequence' });

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="enlace-CO-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const mine = written.filter((record) => record.actor?.username === user);
      expect(lines(data ?? '')).toEqual([
        'seq,at,user,action,resources,outcome',
        ...mine.map(
          (record) =>
            `${record.seq},${record.at},${user},${record.action},referral:${record.resource['referral']},${record.outcome}`,
        ),
      ]);
      const exports = (await walk({ action: exportAction })).items;
      expect(exports).toHaveLength(before + 1);
      expect(exports[0]).toMatchObject({ user: 'co.auditor', outcome: 200 });
    });

    it('should stream a log longer than the pages it is read in, each record once, newest first by default', async () => {
      const bulk = `bulk-${randomUUID().slice(0, 8)}`;
      const appended: AuditRecord[] = [];
      for (let batch = 0; batch < 11; batch++) {
        appended.push(
          ...(await Promise.all(
            Array.from({ length: 111 }, (_, i) =>
              store.append({
                at: new Date(Date.UTC(2026, 1, 1, 0, batch, i % 60)).toISOString(),
                actor: { username: bulk, country: 'CO', roles: ['case-worker'] },
                action: 'GET /api/v1/referrals/:id',
                resource: { referral: randomUUID() },
                outcome: 200,
              }),
            ),
          )),
        );
      }

      const { data, response } = await exportCsv({ user: bulk });

      expect(response.status).toBe(200);
      const seqs = lines(data ?? '')
        .slice(1)
        .map((line) => Number(line.split(',')[0]));
      expect(seqs).toHaveLength(1221);
      expect(seqs).toEqual(appended.map((record) => record.seq).sort((a, b) => b - a));
    });

    it('should answer a bad filter with problem+json naming it, a backwards range with 422, a role without audit.read with 403', async () => {
      const bad = await exportCsv({ from: 'yesterday' });
      expect(bad.response.status).toBe(400);
      expect(bad.response.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(bad.error)).toContain('"field":"from"');
      expect((await exportCsv({ from: '2026-01-12T00:00:00Z', to: '2026-01-11T00:00:00Z' })).response.status).toBe(422);
      // Raw: `limit` is not a parameter of the CSV export in the contract; the export must still answer 200 to it.
      expect(
        (await (await node.client({ roles: ['auditor'] })).request('GET', '/audit/records.csv?limit=10')).status,
      ).toBe(200);
      for (const role of ['case-worker', 'secretariat', 'focal-point', 'hotline']) {
        expect((await exportCsv({}, role)).response.status).toBe(403);
      }
      expect((await (await node.typedClient()).GET('/audit/records.csv', { parseAs: 'text' })).response.status).toBe(
        401,
      );
    });
  });
});
