import { randomBytes } from 'node:crypto';
import { MessageValidator } from '@enlace/contracts';
import { CaseKeyStore, PersonalDataVault } from '@enlace/privacy';
import type { ReferralState } from '@enlace/protocols';
import { NodeDatabase, ScratchDatabase } from '@enlace/store';
import { sql } from 'kysely';
import { readNodeApiConfig } from '../../config/node-api.config';
import { NodeTransactions } from '../../database/node-transactions';
import { CaseSearchTerms } from '../../privacy/case-search-terms';
import { SealedCaseContent } from '../../privacy/sealed-case-content';
import { ReferralsService } from '../../referrals/application/referrals.service';
import { REFERRAL_CASE_PROTOCOL } from '../../referrals/domain/referral-case.protocol';
import type { ReferralDetails } from '../../referrals/domain/referral-details';
import type { CreateReferralRequest } from '../../referrals/dto/create-referral.request';
import { ProtocolCaseActions } from '../application/protocol-case.actions';
import { ProtocolCaseWriter } from '../application/protocol-case.writer';
import { decodeListCursor } from '../../common/paging/list-cursor';
import { caseListDigest, isCaseListPosition } from './case-list-cursor';
import type { CaseListQuery } from './case-list.query';
import { ProtocolCaseRepository } from './protocol-case.repository';

type ReferralRepository = ProtocolCaseRepository<ReferralState, ReferralDetails>;

const CASES = 300;
const COUNTERPARTS = ['EC', 'PE', 'BO'] as const;
const URGENCIES = ['low', 'medium', 'high'] as const;
const FIRST_NAMES = ['Ana', 'Rosa', 'María José', 'Lucía'];
const SECOND_NAMES = ['Pérez', 'Mamani', 'Quispe', 'Núñez', 'Torres'];

const referralNumber = (n: number): CreateReferralRequest => ({
  toCountry: COUNTERPARTS[n % COUNTERPARTS.length] as string,
  reason: 'AdditionalServicesRequired',
  servicesRequested: ['Health'],
  urgency: URGENCIES[n % URGENCIES.length] as CreateReferralRequest['urgency'],
  person: {
    firstName: FIRST_NAMES[n % FIRST_NAMES.length] as string,
    secondName: `${SECOND_NAMES[n % SECOND_NAMES.length]} ${n === 17 ? 'Zubiría' : ''}`.trim(),
  },
  consent: { purpose: 'Referral for assistance', scope: ['identity'], recordedAt: '2025-01-01T00:00:00Z' },
});

describe('ProtocolCaseRepository lists (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  let repository: ReferralRepository;
  let referrals: ReferralsService;
  const ids: string[] = [];
  const kek = { kid: 'test', key: randomBytes(32) };

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_case_lists');
    const transactions = new NodeTransactions(scratch.db);
    const vault = new PersonalDataVault(new CaseKeyStore(scratch.db, kek));
    repository = new ProtocolCaseRepository(
      transactions,
      'referral',
      new SealedCaseContent(vault, transactions),
      REFERRAL_CASE_PROTOCOL.sealedDetails,
      new CaseSearchTerms(randomBytes(32)),
    );
    const writer = new ProtocolCaseWriter(REFERRAL_CASE_PROTOCOL, repository, new MessageValidator());
    const config = readNodeApiConfig({
      ENLACE_COUNTRY: 'CO',
      ENLACE_NETWORK: 'int',
      ENLACE_JWT_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://unused',
      ENLACE_USERS_FILE: '/dev/null',
      ENLACE_CASE_KEK_FILE: '/unused',
      ENLACE_AUDIT_KEY_FILE: '/unused',
    });
    referrals = new ReferralsService(
      config,
      repository,
      writer,
      new ProtocolCaseActions(REFERRAL_CASE_PROTOCOL, repository, writer),
    );
    for (let n = 0; n < CASES; n++) ids.push((await referrals.create(referralNumber(n)))._id);
    // Ten of them end (withdrawn by this end), which changes them last.
    for (const id of ids.slice(0, 10)) await referrals.withdraw(id, 'Found help locally');
  }, 180_000);

  afterAll(() => scratch?.drop());

  /** Every page of a list, following the cursors, and the pages' sizes. */
  async function walk(query: Omit<CaseListQuery, 'now' | 'after'>): Promise<{ ids: string[]; pages: number[] }> {
    const found: string[] = [];
    const pages: number[] = [];
    let cursor: string | undefined;
    let after: CaseListQuery['after'];
    do {
      const page = await repository.list({ ...query, now: new Date(), ...(after ? { after } : {}) });
      found.push(...page.items.map((item) => item.document._id));
      pages.push(page.items.length);
      cursor = page.nextCursor;
      after = cursor
        ? decodeListCursor(cursor, query.sort, caseListDigest(query, query.sort), isCaseListPosition)
        : undefined;
      expect(cursor === undefined || after !== undefined).toBe(true);
    } while (cursor);
    return { ids: found, pages };
  }

  describe('list', () => {
    it.each(['updated', 'created', 'due'] as const)(
      `should page through ${CASES} cases sorted by %s, finding each once, in order`,
      async (sort) => {
        const { ids: listed, pages } = await walk({ sort, limit: 37 });

        expect(listed).toHaveLength(CASES);
        expect(new Set(listed)).toEqual(new Set(ids));
        expect(pages).toEqual([...Array(8).fill(37), CASES - 8 * 37]);
        const rows = await scratch.db
          .selectFrom('cases')
          .select(['id', 'updated_at', 'created_at', 'due'])
          .where('id', 'in', listed)
          .execute();
        const byId = new Map(rows.map((row) => [row.id, row]));
        const keys = listed.map((id) => {
          const row = byId.get(id);
          if (sort === 'updated') return -(row?.updated_at.getTime() ?? 0);
          if (sort === 'created') return -(row?.created_at.getTime() ?? 0);
          return row?.due?.getTime() ?? Number.POSITIVE_INFINITY;
        });
        expect(keys).toEqual([...keys].sort((a, b) => a - b));
      },
      60_000,
    );

    it('should give no cursor on the last page, and an empty page past the end of a filter', async () => {
      const page = await repository.list({ sort: 'updated', limit: 200, stage: 'ended', now: new Date() });

      expect(page.items).toHaveLength(10);
      expect(page.nextCursor).toBe(undefined);
    });

    it('should filter by counterpart, urgency, stage, status, due time and creation time, in the database', async () => {
      const count = async (filter: Partial<CaseListQuery>) =>
        (await walk({ sort: 'updated', limit: 200, ...filter })).ids.length;
      const all = await scratch.db.selectFrom('cases').select(['id', 'counterpart', 'urgency', 'created_at']).execute();
      const middle = [...all].sort((a, b) => a.created_at.getTime() - b.created_at.getTime())[150]?.created_at as Date;
      // Counted from the rows, not taken as 150: two cases created in one millisecond would share the middle instant.
      const createdFromMiddle = all.filter((row) => row.created_at >= middle).length;

      expect(await count({ counterpart: 'PE' })).toBe(CASES / 3);
      expect(await count({ counterpart: 'PE', urgency: 'high' })).toBe(
        all.filter((row) => row.counterpart === 'PE' && row.urgency === 'high').length,
      );
      expect(await count({ stage: 'open' })).toBe(CASES - 10);
      expect(await count({ stage: 'ended', status: 'withdrawn' })).toBe(10);
      expect(await count({ stage: 'open', status: 'withdrawn' })).toBe(0);
      expect(await count({ direction: 'incoming' })).toBe(0);
      expect(await count({ overdue: true })).toBe(0);
      expect(await count({ dueBefore: new Date(Date.now() + 365 * 86_400_000) })).toBe(CASES - 10);
      expect(createdFromMiddle).toBeGreaterThanOrEqual(CASES / 2 - 1);
      expect(await count({ createdFrom: middle })).toBe(createdFromMiddle);
      expect(await count({ createdTo: middle })).toBe(CASES - createdFromMiddle);
    }, 60_000);

    it('should find the cases by a name of the person, whatever accents and letter case, and by id', async () => {
      const names = async (search: string) => new Set((await walk({ sort: 'updated', limit: 200, search })).ids);
      const withName = (first: string, second: string) =>
        new Set(
          ids.filter(
            (_, n) => FIRST_NAMES[n % FIRST_NAMES.length] === first && SECOND_NAMES[n % SECOND_NAMES.length] === second,
          ),
        );

      expect(await names('maria jose PEREZ')).toEqual(withName('María José', 'Pérez'));
      expect(await names('zubiria')).toEqual(new Set([ids[17]]));
      expect(await names('Ana Zubiría')).toEqual(new Set());
      expect(await names('Nobody')).toEqual(new Set());
      expect(await names(ids[42] as string)).toEqual(new Set([ids[42]]));
      expect(await names((ids[42] as string).slice(0, 8).toUpperCase())).toEqual(new Set([ids[42]]));
      expect(await names((ids[42] as string).slice(0, 13))).toEqual(new Set([ids[42]]));
    }, 60_000);

    it('should give the initials only when asked, from the sealed content', async () => {
      const id = ids[17] as string;
      const plain = await repository.list({ sort: 'updated', limit: 1, search: id, now: new Date() });
      const withInitials = await repository.list(
        { sort: 'updated', limit: 1, search: id, now: new Date() },
        { initials: true },
      );

      expect(plain.items[0]).toEqual({ document: expect.objectContaining({ _id: id }) });
      expect(withInitials.items[0]?.initials).toBe('RQ');
    });

    it("should read a page's sealed contents and their keys in the page's one statement", async () => {
      const statements: string[] = [];
      const counted = await scratch.open(2, (event) => {
        if (event.level === 'query') statements.push(event.query.sql);
      });
      try {
        const transactions = new NodeTransactions(counted);
        const vault = new PersonalDataVault(new CaseKeyStore(counted, kek));
        const lister = new ProtocolCaseRepository<ReferralState, ReferralDetails>(
          transactions,
          'referral',
          new SealedCaseContent(vault, transactions),
          REFERRAL_CASE_PROTOCOL.sealedDetails,
        );

        const page = await lister.list({ sort: 'created', limit: 50, now: new Date() }, { initials: true });

        expect(page.items).toHaveLength(50);
        expect(page.items.filter((item) => /^[A-Z]{2}$/.test(item.initials ?? ''))).toHaveLength(50);
        expect(statements).toHaveLength(1);
        expect(statements[0]).toMatch(/from "cases"/);
      } finally {
        await counted.destroy();
      }
    });

    it('should list a case whose content does not open (sealed for another case, or its key) without its initials', async () => {
      const [donor, taker, keyTaker] = [ids[280] as string, ids[281] as string, ids[282] as string];
      const sealed = await scratch.db.selectFrom('cases').select('personal').where('id', '=', donor).executeTakeFirst();
      await scratch.db
        .updateTable('cases')
        .set({ personal: sealed?.personal ?? null })
        .where('id', '=', taker)
        .execute();
      // A wrapped key of another case: the page's keys, read together, do not all unwrap.
      const wrapped = await scratch.db
        .selectFrom('case_keys')
        .select('wrapped_key')
        .where('case_id', '=', donor)
        .executeTakeFirst();
      await scratch.db
        .updateTable('case_keys')
        .set({ wrapped_key: wrapped?.wrapped_key ?? null })
        .where('case_id', '=', keyTaker)
        .execute();

      const page = await repository.list(
        { sort: 'created', limit: 200, createdFrom: new Date(0), now: new Date() },
        { initials: true },
      );
      const initials = new Map(page.items.map((item) => [item.document._id, item.initials]));

      expect(initials.get(donor)).toMatch(/^[A-Z]{2}$/);
      expect(initials.has(taker)).toBe(true);
      expect(initials.get(taker)).toBe(undefined);
      expect(initials.has(keyTaker)).toBe(true);
      expect(initials.get(keyTaker)).toBe(undefined);
      expect(initials.get(ids[283] as string)).toMatch(/^[A-Z]{2}$/);
      await expect(repository.findById(taker)).rejects.toThrow(/case data do not open|another case/);
    });

    it('should keep no name in clear in the search table, and remove a case’s terms when it is erased', async () => {
      const id = ids[17] as string;
      const before = await scratch.db.selectFrom('case_search').select('term').where('case_id', '=', id).execute();
      const terms = (await scratch.db.selectFrom('case_search').select('term').execute()).map((row) => row.term);

      await referrals.withdrawConsent(id);

      expect(before.length).toBeGreaterThanOrEqual(3);
      // Keyed hashes of one length only: no name, whole or cut, is a term.
      expect(terms.filter((term) => !/^[A-Za-z0-9_-]{22}$/.test(term))).toEqual([]);
      expect(terms.join(' ').toLowerCase()).not.toMatch(/zubiria|quispe|mamani|torres/);
      expect(await scratch.db.selectFrom('case_search').select('term').where('case_id', '=', id).execute()).toEqual([]);
      expect((await walk({ sort: 'updated', limit: 200, search: 'Zubiría' })).ids).toEqual([]);
      expect((await walk({ sort: 'updated', limit: 200, search: id.slice(0, 8) })).ids).toEqual([]);
      // By its whole id the case is still listed, without the person.
      const listed = await repository.list(
        { sort: 'updated', limit: 1, search: id, now: new Date() },
        { initials: true },
      );
      expect(listed.items.map((item) => [item.document._id, item.initials])).toEqual([[id, undefined]]);
    });

    it('should walk an index for a filtered page, not scan the table', async () => {
      await sql`analyze cases`.execute(scratch.db);
      const plan = await scratch.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const explained = await sql<{ 'QUERY PLAN': string }>`explain ${sql.raw('')}
          select id from cases where protocol = 'referral' and ended = false and counterpart = 'PE'
           order by updated_at desc, id desc limit 51`.execute(trx);
        return explained.rows.map((row) => row['QUERY PLAN']).join('\n');
      });

      expect(plan).toMatch(/Index Scan using cases_page_by_update/);
    });
  });
});
