import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { verifyAuditChain, AuditLogStore } from '@enlace/audit';
import { InboxStore, NodeDatabase, ScratchDatabase } from '@enlace/store';
import { InboxOperator } from './inbox-operator';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..', '..', '..');

/** The operator's command on a node's real database: what node-api set aside is listed and put back once, audited. */
describe('InboxOperator (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  let inbox: InboxStore;

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_inbox_operator');
    inbox = new InboxStore(scratch.db);
  }, 60_000);

  afterAll(() => scratch?.drop());

  async function setAside(): Promise<string> {
    const envelopeId = randomUUID();
    const caseId = randomUUID();
    await inbox.record([
      {
        envelopeId,
        type: 'referral.accepted.v1',
        from: 'EC',
        caseId,
        correlationId: caseId,
        sentAt: new Date(),
        receivedAt: new Date(),
        digest: 'digest',
        sealedPayload: 'sealed',
      },
    ]);
    await inbox.markRejected(envelopeId, { code: 'APPLY_FAILED', detail: 'failed 5 times, last with TypeError' });
    return envelopeId;
  }

  describe('reapply', () => {
    it('should put an entry back once when two operators ask at once, and record it in an intact audit chain', async () => {
      const id = await setAside();
      const operator = new InboxOperator(scratch.db, { name: 'operator:alice', country: 'CO' });
      const other = new InboxOperator(await scratch.open(2), { name: 'operator:bob', country: 'CO' });

      const [mine, theirs] = await Promise.all([operator.reapply([id]), other.reapply([id])]);

      expect([...mine, ...theirs]).toEqual([id]);
      expect(await inbox.summary(id)).toMatchObject({ reapplied: 1, attempts: 0 });
      expect((await operator.list('set-aside', 10)).map((entry) => entry.envelopeId)).not.toContain(id);
      const records = await scratch.db.selectFrom('audit_log').selectAll().execute();
      expect(records).toEqual([
        expect.objectContaining({ action: 'CLI inbox reapply', resource: { 'inbox-entry': id }, outcome: 202 }),
      ]);
      expect(await verifyAuditChain(new AuditLogStore(scratch.db).records())).toMatchObject({ intact: true });
    });

    it('should tell what became of an entry put back: applied, set aside again, or not yet', async () => {
      const [applied, failing, untouched] = [await setAside(), await setAside(), await setAside()];
      const operator = new InboxOperator(scratch.db, { name: 'operator:alice', country: 'CO' });
      await operator.reapply([applied, failing, untouched]);
      // The node's applier, in short: one applied, one refused again.
      await inbox.markApplied([applied], new Date());
      await inbox.markRejected(failing, { code: 'UNKNOWN_CASE', detail: 'no referral here' });

      const settled: number[] = [];
      const results = await operator.outcomes([applied, failing, untouched], 300, (n) => settled.push(n), 50);

      expect(results).toEqual([
        { envelopeId: applied, outcome: 'applied' },
        {
          envelopeId: failing,
          outcome: 'set-aside-again',
          code: 'UNKNOWN_CASE',
          detail: 'no referral here',
          at: expect.any(Date),
        },
        { envelopeId: untouched, outcome: 'not-yet' },
      ]);
      // each look told the bar how many were settled: two of three, the third never
      expect(settled.length).toBeGreaterThan(0);
      expect(new Set(settled)).toEqual(new Set([2]));
    });
  });

  describe('the command (enlace inbox, npm run inbox)', () => {
    it('should list the set-aside entries, put them all back and say so', async () => {
      await scratch.db.deleteFrom('inbox').execute();
      const id = await setAside();
      const env = { ...process.env, DATABASE_URL: scratch.url, ENLACE_COUNTRY: 'CO' };
      const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
      const cli = path.join(ROOT, 'apps', 'cli', 'src', 'main.ts');

      const listed = await run(tsx, [cli, 'inbox', 'list'], { env, cwd: ROOT });
      const reapplied = await run(tsx, [cli, 'inbox', 'reapply', '--all', '--wait', '1'], { env, cwd: ROOT });

      expect(listed.stdout).toContain(`${id}  referral.accepted.v1 from EC`);
      expect(listed.stdout).toContain('APPLY_FAILED');
      expect(listed.stdout).toContain('set aside: 1, waiting: 0');
      expect(reapplied.stdout).toContain('put back: 1');
      expect(reapplied.stdout).toContain(`${id}  not-yet`);
      expect(await inbox.summary(id)).toMatchObject({ reapplied: 1 });
    }, 120_000);

    it('should answer scripts with one JSON document, and exit 1 when a named entry was not set aside', async () => {
      await scratch.db.deleteFrom('inbox').execute();
      const id = await setAside();
      const unknown = randomUUID();
      const env = { ...process.env, DATABASE_URL: scratch.url, ENLACE_COUNTRY: 'CO' };
      const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
      const cli = path.join(ROOT, 'apps', 'cli', 'src', 'main.ts');

      const listed = JSON.parse((await run(tsx, [cli, 'inbox', 'list', '--json'], { env, cwd: ROOT })).stdout) as {
        entries: { envelopeId: string; setAside: { code: string } }[];
        counts: { setAside: number };
      };
      const reapplied = await run(tsx, [cli, 'inbox', 'reapply', id, unknown, '--wait', '0', '--json'], {
        env,
        cwd: ROOT,
      }).then(
        () => ({ code: 0, stdout: '' }),
        (failed: { code: number; stdout: string }) => failed,
      );

      expect(listed.entries.map((entry) => [entry.envelopeId, entry.setAside.code])).toEqual([[id, 'APPLY_FAILED']]);
      expect(listed.counts.setAside).toBe(1);
      expect(reapplied.code).toBe(1);
      expect(JSON.parse(reapplied.stdout)).toMatchObject({
        putBack: [id],
        notSetAside: [unknown],
        outcomes: [{ envelopeId: id, outcome: 'not-yet' }],
      });
    }, 120_000);
  });
});
