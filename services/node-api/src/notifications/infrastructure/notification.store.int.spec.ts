import { NodeDatabase, ScratchDatabase } from '@enlace/store';
import { sql } from 'kysely';
import { NotificationStore } from './notification.store';

const ENTRIES = 2_000;

describe('NotificationStore (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  let store: NotificationStore;

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_notification_store');
    store = new NotificationStore(scratch.db);
    // An inbox of applied entries, the last one still waiting; none has its case here but the first.
    await sql`
      insert into inbox (envelope_id, type, from_country, case_id, correlation_id, sent_at, received_at, digest,
                         applied_at)
      select 'envelope-' || n, 'referral.requested.v1', 'CO', 'case-' || n, 'case-' || n, now(), now(), 'digest',
             case when n < ${ENTRIES} then now() end
        from generate_series(1, ${ENTRIES}::int) as n`.execute(scratch.db);
    await sql`analyze inbox`.execute(scratch.db);
  }, 60_000);

  afterAll(() => scratch?.drop());

  describe('inboxAfter', () => {
    it('should give the entries after the cursor in the order they arrived, a batch at a time', async () => {
      const first = await store.inboxAfter('0', 100);
      const next = await store.inboxAfter(first[first.length - 1]?.seq as string, 100);

      expect(first.map((message) => message.envelopeId)).toEqual(
        Array.from({ length: 100 }, (_, i) => `envelope-${i + 1}`),
      );
      expect(next[0]?.envelopeId).toBe('envelope-101');
      expect(next.every((message) => !message.waiting)).toBe(true);
    });

    it('should tell the entry not applied yet as waiting, and give nothing past the last', async () => {
      const all = await store.inboxAfter('0', ENTRIES + 10);
      const last = all[all.length - 1];

      expect(all).toHaveLength(ENTRIES);
      expect(last).toMatchObject({ envelopeId: `envelope-${ENTRIES}`, waiting: true });
      expect(await store.inboxAfter(last?.seq as string, 100)).toEqual([]);
    });

    it('should walk an index of the inbox from the cursor, not scan and sort the whole inbox', async () => {
      const plan = await scratch.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const explained = await sql<{ 'QUERY PLAN': string }>`explain ${sql.raw('')}
          select inbox.seq from inbox left join cases on cases.id = inbox.case_id
           where inbox.seq > ${ENTRIES - 10} order by inbox.seq limit 100`.execute(trx);
        return explained.rows.map((row) => row['QUERY PLAN']).join('\n');
      });

      expect(plan).toMatch(/Index (Only )?Scan using inbox_by_seq on inbox/);
      expect(plan).not.toMatch(/Sort/);
    });
  });
});
