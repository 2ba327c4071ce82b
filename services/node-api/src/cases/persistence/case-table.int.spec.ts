import { randomUUID } from 'node:crypto';
import { NodeDatabase, OutboxEntry, ScratchDatabase } from '@enlace/store';
import type { Kysely } from 'kysely';
import { NodeTransactions } from '../../database/node-transactions';
import { CaseTable, ConcurrentCaseChangeError, type CaseTableChange } from './case-table';

const message = (caseId: string, type: string): OutboxEntry => ({
  envelopeId: randomUUID(),
  type,
  to: 'EC',
  caseId,
  correlationId: caseId,
  payload: { type },
  createdAt: new Date(),
  sentAt: null,
  deliveredAt: null,
});

const row = (id: string) => ({
  id,
  direction: 'outgoing',
  status: 'Sent',
  state: JSON.stringify({ status: 'Sent', side: 'sender', fromCountry: 'CO', toCountry: 'EC' }),
  personal: null,
  links: null,
  details: null,
  timeline: '[]',
  due: null,
  pending_on: null,
  version: 0,
  created_at: new Date(),
  updated_at: new Date(),
});

describe('CaseTable (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  /** The node's database through a pool that notes every statement it sends. */
  let counted: Kysely<NodeDatabase>;
  const statements: string[] = [];
  let transactions: NodeTransactions;
  let table: CaseTable;

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_case_table');
    counted = await scratch.open(4, (event) => {
      statements.push(event.query.sql);
    });
    transactions = new NodeTransactions(counted);
    table = new CaseTable(transactions, 'referral');
  }, 60_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  beforeEach(() => {
    statements.length = 0;
  });

  const outboxOf = (caseId: string) =>
    scratch.db
      .selectFrom('outbox')
      .select(['type', 'payload', 'delivered_at'])
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();

  describe('insert', () => {
    it('should add the case and its messages in one statement, in order, and nothing when the id is taken', async () => {
      const id = randomUUID();

      const first = await table.insert(row(id), [message(id, 'first'), message(id, 'second')]);
      const again = await table.insert(row(id), [message(id, 'third')]);

      expect([first, again]).toEqual(['inserted', 'exists']);
      expect(statements).toHaveLength(2);
      expect(await outboxOf(id)).toEqual([
        { type: 'first', payload: { type: 'first' }, delivered_at: null },
        { type: 'second', payload: { type: 'second' }, delivered_at: null },
      ]);
    });

    const keyRow = (caseId: string, wrapped: string) => ({
      case_id: caseId,
      wrapped_key: wrapped,
      kek_id: 'kek-1',
      created_at: new Date(),
    });
    const keyOf = (caseId: string) =>
      scratch.db.selectFrom('case_keys').select('wrapped_key').where('case_id', '=', caseId).executeTakeFirst();

    it('should add the case’s key in the case’s own statement, and no key when the id is taken', async () => {
      const id = randomUUID();

      const first = await table.insert(row(id), [], [], keyRow(id, 'wrapped-1'));
      const again = await table.insert(row(id), [], [], keyRow(id, 'wrapped-2'));

      expect([first, again]).toEqual(['inserted', 'exists']);
      expect(statements).toHaveLength(2);
      expect(await keyOf(id)).toEqual({ wrapped_key: 'wrapped-1' });
    });

    it('should write nothing when a new case had a key already (its content was sealed with another)', async () => {
      const id = randomUUID();
      await scratch.db.insertInto('case_keys').values(keyRow(id, 'theirs')).execute();

      await expect(
        transactions.run(() => table.insert(row(id), [message(id, 'first')], [], keyRow(id, 'ours'))),
      ).rejects.toThrow(/had a key already/);

      expect(await scratch.db.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
      expect(await outboxOf(id)).toEqual([]);
      expect(await keyOf(id)).toEqual({ wrapped_key: 'theirs' });
    });
  });

  describe('lockAll', () => {
    it('should lock a batch’s cases in one statement, and find each of them then without reading it again', async () => {
      const [a, b, missing] = [randomUUID(), randomUUID(), randomUUID()];
      await table.insert(row(a), []);
      await table.insert(row(b), []);
      statements.length = 0;
      let otherWriterDone = false;
      let otherWriter: Promise<unknown> | undefined;

      await transactions.run(async () => {
        const protocols = await CaseTable.lockAll(transactions, [b, a, missing, a]);
        expect(protocols).toEqual(
          new Map([
            [a, 'referral'],
            [b, 'referral'],
          ]),
        );
        otherWriter = scratch.db
          .updateTable('cases')
          .set({ status: 'Changed' })
          .where('id', '=', a)
          .execute()
          .then(() => (otherWriterDone = true));
        expect((await table.find(a))?.id).toBe(a);
        expect(await table.find(missing)).toBeNull();
        expect(await new CaseTable(transactions, 'return').find(b)).toBeNull();
        await new Promise((resolve) => setTimeout(resolve, 200));
        // Another writer of a locked case waits for the batch to end.
        expect(otherWriterDone).toBe(false);
      });

      expect(statements.filter((sql) => sql.includes('from "cases"'))).toHaveLength(1);
      // Its write goes through once the batch ended: awaited, not slept on (a busy machine may take longer).
      await otherWriter;
      expect(otherWriterDone).toBe(true);
      expect(await scratch.db.selectFrom('cases').select('status').where('id', '=', a).executeTakeFirst()).toEqual({
        status: 'Changed',
      });
    });
  });

  describe('change', () => {
    const changeOf = (
      id: string,
      expectedVersion: number,
      status: string,
      outbox: OutboxEntry[] = [],
    ): CaseTableChange => ({
      id,
      expectedVersion,
      state: { status, side: 'sender', fromCountry: 'CO', toCountry: 'EC' },
      status,
      timeline: [{ at: new Date().toISOString(), event: status, side: 'sender', status }],
      due: null,
      pendingOn: null,
      outbox,
      at: new Date(),
    });
    const stored = (id: string) =>
      scratch.db
        .selectFrom('cases')
        .select(['status', 'version', 'timeline'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const caseUpdates = () => statements.filter((text) => /^update "?cases"?/.test(text.trim()));

    it('should write the changes of a batch’s locked cases that send nothing in one statement before the commit', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      await table.insert(row(a), []);
      await table.insert(row(b), []);
      statements.length = 0;

      await transactions.run(async () => {
        await CaseTable.lockAll(transactions, [a, b]);
        await table.change(changeOf(a, 0, 'Delivered'));
        await table.change(changeOf(b, 0, 'Delivered'));
        await table.change(changeOf(a, 1, 'Accepted'));
        expect(caseUpdates()).toHaveLength(0);
      });

      expect(caseUpdates()).toHaveLength(1);
      const [storedA, storedB] = [await stored(a), await stored(b)];
      expect(storedA).toMatchObject({ status: 'Accepted', version: 2 });
      expect((storedA.timeline as { event: string }[]).map((entry) => entry.event)).toEqual(['Delivered', 'Accepted']);
      expect(storedB).toMatchObject({ status: 'Delivered', version: 1 });
    });

    it('should write a case’s gathered changes before a change of it that sends a message', async () => {
      const id = randomUUID();
      await table.insert(row(id), []);

      await transactions.run(async () => {
        await CaseTable.lockAll(transactions, [id]);
        await table.change(changeOf(id, 0, 'Delivered'));
        await table.change(changeOf(id, 1, 'Accepted', [message(id, 'accepted')]));
      });

      const after = await stored(id);
      expect(after).toMatchObject({ status: 'Accepted', version: 2 });
      expect((after.timeline as { event: string }[]).map((entry) => entry.event)).toEqual(['Delivered', 'Accepted']);
      expect((await outboxOf(id)).map((entry) => entry.type)).toEqual(['accepted']);
    });

    it('should undo the whole transaction when a gathered change was decided on another version', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      await table.insert(row(a), []);
      await table.insert(row(b), []);

      await expect(
        transactions.run(async () => {
          await CaseTable.lockAll(transactions, [a, b]);
          await table.change(changeOf(a, 0, 'Delivered'));
          await table.change(changeOf(b, 7, 'Delivered'));
        }),
      ).rejects.toThrow(ConcurrentCaseChangeError);

      expect(await stored(a)).toMatchObject({ status: 'Sent', version: 0 });
      expect(await stored(b)).toMatchObject({ status: 'Sent', version: 0 });
    });

    it('should write a change at once when the transaction did not lock its case for a batch', async () => {
      const id = randomUUID();
      await table.insert(row(id), []);
      statements.length = 0;

      await transactions.run(async () => {
        await table.change(changeOf(id, 0, 'Delivered'));
        expect(caseUpdates()).toHaveLength(1);
      });

      expect(await stored(id)).toMatchObject({ status: 'Delivered', version: 1 });
    });
  });

  describe('markDelivered', () => {
    it('should note every delivery of a transaction in one statement before it commits, the first receipt’s time', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      const [toA, toB] = [message(a, 'to-a'), message(b, 'to-b')];
      await table.insert(row(a), [toA]);
      await table.insert(row(b), [toB]);
      statements.length = 0;
      const [early, late] = [new Date('2026-01-01T00:00:00Z'), new Date('2026-01-02T00:00:00Z')];

      await transactions.run(async () => {
        await table.markDelivered(a, toA.envelopeId, late);
        await table.markDelivered(b, toB.envelopeId, early);
        await table.markDelivered(a, toA.envelopeId, early);
        expect(statements.filter((sql) => sql.includes('update outbox'))).toHaveLength(0);
      });

      expect(statements.filter((sql) => sql.includes('update outbox'))).toHaveLength(1);
      expect((await outboxOf(a))[0]?.delivered_at).toEqual(early);
      expect((await outboxOf(b))[0]?.delivered_at).toEqual(early);
    });

    it('should write a delivery at once outside a transaction, and never move a noted one', async () => {
      const id = randomUUID();
      const sent = message(id, 'sent');
      await table.insert(row(id), [sent]);
      const [first, second] = [new Date('2026-01-01T00:00:00Z'), new Date('2026-01-03T00:00:00Z')];

      await table.markDelivered(id, sent.envelopeId, first);
      await table.markDelivered(id, sent.envelopeId, second);

      expect((await outboxOf(id))[0]?.delivered_at).toEqual(first);
    });
  });
});
