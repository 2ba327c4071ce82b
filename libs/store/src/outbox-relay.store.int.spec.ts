import { testInfra, uniqueName } from '@enlace/testing';
import { Connection } from 'mongoose';
import { createMongoConnection } from './mongo-connection.factory';
import { OutboxEntry } from './outbox-entry';
import { OutboxRelayStore } from './outbox-relay.store';
import { OutboxSentFolderStore } from './outbox-sent-folder.store';
import { OUTBOX_SENT_COLLECTION } from './outbox-sent-mark';

interface CaseWithOutbox {
  _id: string;
  outbox: OutboxEntry[];
  outboxPending: number;
  updatedAt: Date;
}

function entry(envelopeId: string, type = 'referral.accepted.v1'): OutboxEntry {
  return {
    envelopeId,
    type,
    to: 'EC',
    caseId: 'case-1',
    correlationId: 'case-1',
    payload: { referralId: 'case-1', note: 'personal' },
    createdAt: new Date(),
    sentAt: null,
    deliveredAt: null,
  };
}

describe('OutboxRelayStore (on the real FerretDB)', () => {
  let db: Connection;
  let store: OutboxRelayStore;
  const collection = 'cases';

  beforeAll(async () => {
    const infra = testInfra();
    db = await createMongoConnection({ uri: infra.mongodbUri, dbName: uniqueName('int_outbox_') });
    store = new OutboxRelayStore(db, [collection]);
  }, 120_000);

  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });

  beforeEach(async () => {
    await db.collection(collection).deleteMany({});
    await db.collection(OUTBOX_SENT_COLLECTION).deleteMany({});
  });

  describe('findPending', () => {
    it('should return the unsent entries of every document, in document order', async () => {
      await db.collection<CaseWithOutbox>(collection).insertMany([
        { _id: 'a', outbox: [entry('a1'), entry('a2')], outboxPending: 2, updatedAt: new Date(1) },
        {
          _id: 'b',
          outbox: [{ ...entry('b1'), sentAt: new Date() }, entry('b2')],
          outboxPending: 1,
          updatedAt: new Date(2),
        },
        { _id: 'c', outbox: [{ ...entry('c1'), sentAt: new Date() }], outboxPending: 0, updatedAt: new Date(3) },
      ]);

      const pending = await store.findPending(10);

      expect(pending.map((item) => `${item.documentId}:${item.index}:${item.entry.envelopeId}`)).toEqual([
        'a:0:a1',
        'a:1:a2',
        'b:1:b2',
      ]);
    });
  });

  describe('markSent', () => {
    it('should note the entries produced, once, without touching the case, and leave them out of findPending', async () => {
      await db
        .collection<CaseWithOutbox>(collection)
        .insertOne({ _id: 'a', outbox: [entry('a1'), entry('a2')], outboxPending: 2, updatedAt: new Date() });
      const [first] = await store.findPending(10);
      if (!first) throw new Error('no pending entry');

      await store.markSent([first], new Date());
      await store.markSent([first], new Date()); // a relay that retries notes it once

      const document = await db.collection<CaseWithOutbox>(collection).findOne({ _id: 'a' });
      expect(document?.outboxPending).toBe(2);
      expect(document?.outbox[0]?.sentAt).toBeNull();
      expect(await db.collection(OUTBOX_SENT_COLLECTION).countDocuments({ _id: 'a1' as never })).toBe(1);
      expect((await store.findPending(10)).map((item) => item.entry.envelopeId)).toEqual(['a2']);
    });
  });

  describe('OutboxSentFolderStore', () => {
    it('should fold the notes into the case: sent, plaintext gone, counted down once', async () => {
      await db
        .collection<CaseWithOutbox>(collection)
        .insertOne({ _id: 'a', outbox: [entry('a1'), entry('a2')], outboxPending: 2, updatedAt: new Date() });
      const pending = await store.findPending(10);
      await store.markSent(pending, new Date());
      const folder = new OutboxSentFolderStore(db);

      const marks = await folder.findMarks(10);
      await folder.fold(collection, 'a', marks);
      await folder.fold(collection, 'a', marks); // folding again changes nothing
      await folder.removeMarks(marks.map((mark) => mark._id));

      const document = await db.collection<CaseWithOutbox>(collection).findOne({ _id: 'a' });
      expect(document?.outboxPending).toBe(0);
      expect(document?.outbox.map((item) => [item.sentAt instanceof Date, item.payload])).toEqual([
        [true, undefined],
        [true, undefined],
      ]);
      expect(await folder.findMarks(10)).toEqual([]);
      expect(await store.findPending(10)).toEqual([]);
    });
  });

  describe('markUndeliverable', () => {
    it('should set the entry aside with its reason: out of findPending, plaintext gone, not sent, counted down', async () => {
      await db
        .collection<CaseWithOutbox>(collection)
        .insertOne({ _id: 'a', outbox: [entry('a1'), entry('a2')], outboxPending: 2, updatedAt: new Date() });
      const [first] = await store.findPending(10);
      if (!first) throw new Error('no pending entry');
      const at = new Date('2026-01-02T03:04:05Z');

      await store.markUndeliverable(first, 'UNKNOWN_RECIPIENT', at);
      await store.markUndeliverable(first, 'UNKNOWN_RECIPIENT', at); // a relay that retries notes it once
      const folder = new OutboxSentFolderStore(db);
      const marks = await folder.findMarks(10);
      await folder.fold(collection, 'a', marks);
      await folder.removeMarks(marks.map((mark) => mark._id));

      const document = await db.collection<CaseWithOutbox>(collection).findOne({ _id: 'a' });
      expect(document?.outboxPending).toBe(1);
      expect(document?.outbox[0]).toMatchObject({ sentAt: null, undeliverable: { reason: 'UNKNOWN_RECIPIENT', at } });
      expect(document?.outbox[0]?.payload).toBeUndefined();
      expect((await store.findPending(10)).map((item) => item.entry.envelopeId)).toEqual(['a2']);
    });
  });
});
