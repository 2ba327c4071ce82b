import { testInfra, uniqueName } from '@enlace/testing';
import { Connection } from 'mongoose';
import { InboxEntry } from './inbox-entry';
import { INBOX_QUEUE_COLLECTION } from './inbox-queue-item';
import { InboxStore } from './inbox.store';
import { createMongoConnection } from './mongo-connection.factory';

function arrival(id: string, receivedAt: Date): InboxEntry {
  return {
    _id: id,
    type: 'referral.requested.v1',
    from: 'CO',
    caseId: 'case-1',
    correlationId: 'case-1',
    sentAt: receivedAt,
    receivedAt,
    digest: 'digest',
    payload: { person: { firstName: 'personal' } },
    appliedAt: null,
    rejection: null,
  };
}

describe('InboxStore (on the real FerretDB)', () => {
  let db: Connection;
  let inbox: InboxStore;

  beforeAll(async () => {
    const infra = testInfra();
    db = await createMongoConnection({ uri: infra.mongodbUri, dbName: uniqueName('int_inbox_') });
    inbox = new InboxStore(db);
  }, 120_000);

  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });

  describe('record', () => {
    it('should keep an envelope once, and say so when it comes again', async () => {
      expect(await inbox.record(arrival('e1', new Date()))).toBe('stored');
      expect(await inbox.record(arrival('e1', new Date()))).toBe('duplicate');
      expect(await inbox.has('e1')).toBe(true);
      expect(await inbox.has('e2')).toBe(false);
      expect(await db.collection('inbox').countDocuments({ _id: 'e1' } as never)).toBe(1);
    });
  });

  describe('recordMany', () => {
    it('should keep each envelope once, within the batch and across batches, and queue each new one', async () => {
      await inbox.record(arrival('m-known', new Date(5_000)));
      await inbox.markApplied('m-known', new Date());

      const outcome = await inbox.recordMany([
        arrival('m-1', new Date(5_001)),
        arrival('m-known', new Date(5_002)),
        arrival('m-2', new Date(5_003)),
        arrival('m-1', new Date(5_004)),
      ]);

      expect(outcome).toEqual(['stored', 'duplicate', 'stored', 'duplicate']);
      expect(await db.collection('inbox').countDocuments({ _id: 'm-1' } as never)).toBe(1);
      const queued = (await db.collection(INBOX_QUEUE_COLLECTION).find({}).toArray()).map((item) => item._id);
      expect(queued).toEqual(expect.arrayContaining(['m-1', 'm-2']));
      expect(queued).not.toContain('m-known');
      for (const id of ['m-1', 'm-2']) await inbox.markApplied(id, new Date());
    });
  });

  describe('findUnapplied', () => {
    it('should give entries in arrival order and forget applied and rejected ones, with their payloads', async () => {
      await inbox.record(arrival('later', new Date(2_000)));
      await inbox.record(arrival('earlier', new Date(1_000)));
      await inbox.record(arrival('refused', new Date(3_000)));
      await inbox.markRejected('refused', { code: 'UNKNOWN_CASE', detail: 'no such case' });

      const before = await inbox.findUnapplied(10);
      expect(before.map((entry) => entry._id).filter((id) => id !== 'e1')).toEqual(['earlier', 'later']);

      await inbox.markApplied('earlier', new Date());
      const applied = await db.collection<InboxEntry>('inbox').findOne({ _id: 'earlier' });
      expect(applied?.appliedAt).toBeInstanceOf(Date);
      expect(applied?.payload).toBeUndefined();
      const refused = await db.collection<InboxEntry>('inbox').findOne({ _id: 'refused' });
      expect(refused?.payload).toBeUndefined();
      expect((await inbox.findUnapplied(10)).map((entry) => entry._id)).not.toContain('earlier');
    });

    it('should find an unapplied entry again when it comes again after its pointer was lost, but not an applied one', async () => {
      await inbox.record(arrival('lost', new Date(4_000)));
      await inbox.record(arrival('done', new Date(5_000)));
      await inbox.markApplied('done', new Date());
      await db.collection(INBOX_QUEUE_COLLECTION).deleteOne({ _id: 'lost' } as never); // a crash between the writes

      expect((await inbox.findUnapplied(10)).map((entry) => entry._id)).not.toContain('lost');
      expect(await inbox.record(arrival('lost', new Date(6_000)))).toBe('duplicate');
      expect(await inbox.record(arrival('done', new Date(6_000)))).toBe('duplicate');

      const ids = (await inbox.findUnapplied(10)).map((entry) => entry._id);
      expect(ids).toContain('lost');
      expect(ids).not.toContain('done');
    });

    it('should hand out the read-ahead round after round, and read again in order after a round left an entry unsettled', async () => {
      const own = new InboxStore(db);
      const ids = ['ra-1', 'ra-2', 'ra-3', 'ra-4'];
      for (const [i, id] of ids.entries()) await own.record(arrival(id, new Date(10_000 + i)));
      const pending = async (limit: number) =>
        (await own.findUnapplied(limit)).map((entry) => entry._id).filter((id) => id.startsWith('ra-'));
      for (const id of await own.findUnapplied(100))
        if (!id._id.startsWith('ra-')) await own.markApplied(id._id, new Date());

      expect(await pending(2)).toEqual(['ra-1', 'ra-2']);
      await own.markApplied('ra-1', new Date());
      await own.markApplied('ra-2', new Date());
      await own.record(arrival('ra-0', new Date(9_000))); // queued after the read
      // every entry of the round settled: the next comes from what was read ahead, without reading the queue again
      expect(await pending(1)).toEqual(['ra-3']);
      // ra-3 is left unsettled (a passing failure): the next round reads the queue again, in arrival order
      expect(await pending(3)).toEqual(['ra-0', 'ra-3', 'ra-4']);
      await own.markApplied('ra-0', new Date());
      await own.postpone('ra-3', new Date(20_000));
      await own.markApplied('ra-4', new Date());
      expect(await pending(2)).toEqual(['ra-3']);
      await own.markApplied('ra-3', new Date());
    });
  });
});
