import { NodeDatabase, ScratchDatabase } from '@enlace/store';
import { CompiledQuery, Kysely, sql } from 'kysely';
import type { AuditRecordQuery } from './audit-record.query';
import { AuditRecordRepository } from './audit-record.repository';

/** A busy node's log: a record per request, months of them (ENLACE_AUDIT_SPEC_ROWS to measure at another size). */
const ROWS = Number(process.env['ENLACE_AUDIT_SPEC_ROWS'] ?? 200_000);
const USERS = 40;
const ACTIONS = 30;
const START = Date.UTC(2026, 0, 1);
/** One record every 30 s: 200,000 records span about 70 days. */
const STEP_MS = 30_000;
/** A user and an action seen rarely, and long ago: 100 records of the log's first 10 days. */
const AUDITOR = 'co.auditor';
const EXPORT = 'GET /api/v1/audit/records/export';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/**
 * The audit log's filtered pages on the real PostgreSQL, at the size of a busy node's log: each filter the auditor
 * has (a time range, an action, a user) is read through an index of its own (node migration 0014), never by reading
 * the whole table. The plan PostgreSQL chooses for the repository's own statement is asserted.
 */
describe('AuditRecordRepository (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  let db: Kysely<NodeDatabase>;
  let repository: AuditRecordRepository;
  let last: CompiledQuery | undefined;

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_audit_record_plans');
    db = await scratch.open(2, (event) => {
      if (event.level === 'query') last = event.query;
    });
    repository = new AuditRecordRepository(db);
    // written as AuditLogStore writes them (the seal does not matter to reading): seq in order, at as sealed text
    const rare = (n: string) => sql`(${sql.raw(n)} <= 30000 and ${sql.raw(n)} % 300 = 0)`;
    await sql`
      insert into audit_log (seq, at, at_instant, actor, action, resource, outcome, prev_hash, hash)
      select n,
             to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             t,
             jsonb_build_object('username', case when ${rare('n')} then ${AUDITOR} else 'user-' || (n % ${USERS}) end),
             case when ${rare('n')} then ${EXPORT} else 'GET /api/v1/route-' || ((n * 7) % ${ACTIONS}) || '/:id' end,
             jsonb_build_object('referral', md5(n::text)),
             200,
             md5((n - 1)::text),
             md5(n::text)
      from generate_series(1, ${ROWS}) as n,
           lateral (select to_timestamp((${START} + n * ${STEP_MS}::bigint) / 1000.0) as t) as instant
    `.execute(db);
    await sql`analyze audit_log`.execute(db);
  }, 300_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  /** The plan of the statement the repository ran for `query`, run again under EXPLAIN ANALYZE. */
  const planOf = async (query: AuditRecordQuery): Promise<{ plan: PlanNode; rows: number; ms: number }> => {
    const rows = (await repository.page(query)).length;
    const statement = last as CompiledQuery;
    const result = await db.executeQuery<{ 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number }> }>(
      CompiledQuery.raw(`explain (analyze, format json) ${statement.sql}`, [...statement.parameters]),
    );
    const explained = result.rows[0]?.['QUERY PLAN'][0];
    if (!explained) throw new Error('no plan');
    return { plan: explained.Plan, rows, ms: explained['Execution Time'] };
  };

  const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];
  const indexesOf = (plan: PlanNode): string[] => nodes(plan).flatMap((node) => node['Index Name'] ?? []);
  const scansTheTable = (plan: PlanNode): boolean => nodes(plan).some((node) => node['Node Type'] === 'Seq Scan');

  const day = (n: number): Date => new Date(START + n * 86_400_000);

  it('should read a day in the middle of the log through the index of the instant', async () => {
    const { plan, rows } = await planOf({ from: day(20), to: day(21), sort: 'newest', limit: 50 });

    expect(rows).toBe(51);
    expect(indexesOf(plan)).toContain('audit_log_at_instant');
    expect(scansTheTable(plan)).toBe(false);
  });

  it('should read a rare action through its index, in sequence order, also after a cursor', async () => {
    const first = await planOf({ action: EXPORT, sort: 'newest', limit: 50 });
    const deep = await planOf({ action: EXPORT, sort: 'sequence', limit: 50, afterSeq: 300 });

    expect(first.rows).toBe(51);
    expect(deep.rows).toBe(51);
    for (const { plan } of [first, deep]) {
      expect(indexesOf(plan)).toEqual(['audit_log_action']);
      expect(nodes(plan).some((node) => node['Node Type'] === 'Sort')).toBe(false);
    }
  });

  it('should read a rare user through the index of the user name', async () => {
    const { plan, rows } = await planOf({ user: AUDITOR, sort: 'newest', limit: 50 });

    expect(rows).toBe(51);
    expect(indexesOf(plan)).toEqual(['audit_log_username']);
    expect(scansTheTable(plan)).toBe(false);
  });

  it('should read one user within a day without scanning the table', async () => {
    const { plan, rows } = await planOf({ user: 'user-7', from: day(30), to: day(31), sort: 'newest', limit: 50 });

    expect(rows).toBe(51); // 72 of the day's 2,880 records are user-7's
    expect(scansTheTable(plan)).toBe(false);
  });
});
