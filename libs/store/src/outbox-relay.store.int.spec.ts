import { testInfra, uniqueName } from '@enlace/testing';
import { Connection } from 'mongoose';
import { createMongoConnection } from './mongo-connection.factory';
import { OutboxEntry } from './outbox-entry';
import { OutboxRelayStore } from './outbox-relay.store';

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
    it('should mark the named entries sent, drop their plaintext and count them down, once', async () => {
      await db
        .collection<CaseWithOutbox>(collection)
        .insertOne({ _id: 'a', outbox: [entry('a1'), entry('a2')], outboxPending: 2, updatedAt: new Date() });
      const [first] = await store.findPending(10);
      if (!first) throw new Error('no pending entry');

      await store.markSent([first], new Date());
      await store.markSent([first], new Date()); // a relay that retries must not count twice

      const document = await db.collection<CaseWithOutbox>(collection).findOne({ _id: 'a' });
      expect(document?.outboxPending).toBe(1);
      expect(document?.outbox[0]?.sentAt).toBeInstanceOf(Date);
      expect(document?.outbox[0]?.payload).toBeUndefined();
      expect(document?.outbox[1]?.sentAt).toBeNull();
      expect((await store.findPending(10)).map((item) => item.entry.envelopeId)).toEqual(['a2']);
    });
  });
});
