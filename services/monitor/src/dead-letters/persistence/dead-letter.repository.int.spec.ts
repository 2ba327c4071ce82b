import { ScratchDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { MonitorDatabase } from '../../database/monitor-database.schema';
import { migrateMonitorDatabase } from '../../database/monitor-migrations';
import { DeadLetterRecord, DeadLetterRepository } from './dead-letter.repository';

function deadLetter(country: string, offset: number, at: string): DeadLetterRecord {
  return {
    _id: `${country}.0.${offset}`,
    country,
    topic: `enlace.demo.deadletter.${country}`,
    partition: 0,
    offset: String(offset),
    reason: 'TAMPERED',
    detail: 'signature does not verify',
    originalTopic: `enlace.demo.inbox.${country}`,
    originalPartition: 2,
    originalOffset: String(offset * 10),
    deadLetteredAt: new Date(at),
    envelope:
      offset % 2 === 0
        ? { id: `envelope-${offset}`, type: 'referral.requested.v1', from: 'EC', to: country, sentAt: new Date(at) }
        : null,
    envelopeVerified: offset % 2 === 0,
    redriveCount: 0,
    lastRedrivenAt: null,
    lastRedrivenBy: null,
  };
}

describe(DeadLetterRepository, () => {
  let scratch: ScratchDatabase<MonitorDatabase>;
  let db: Kysely<MonitorDatabase>;
  let deadLetters: DeadLetterRepository;

  beforeAll(async () => {
    scratch = await ScratchDatabase.create('int_monitor_deadletters', migrateMonitorDatabase);
    db = scratch.db;
    deadLetters = new DeadLetterRepository(db);
  }, 60_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  describe('recordAll', () => {
    it('should keep a dead letter read again once, exactly as it was read', async () => {
      const letters = [deadLetter('CO', 1, '2025-02-01T10:00:00Z'), deadLetter('CO', 2, '2025-02-01T11:00:00Z')];

      const kept = await deadLetters.recordAll(letters);
      const keptAgain = await deadLetters.recordAll([...letters, ...letters]);

      expect(kept.map((d) => d._id)).toEqual(['CO.0.1', 'CO.0.2']);
      expect(keptAgain).toEqual([]);
      expect(await deadLetters.get('CO.0.2')).toEqual(letters[1]);
      expect(await deadLetters.get('CO.0.1')).toEqual(letters[0]);
      expect(await deadLetters.get('CO.0.3')).toBeNull();
    });
  });

  describe('getMany', () => {
    it('should find the dead letters that exist among the ids, in one query', async () => {
      await deadLetters.recordAll([deadLetter('PE', 4, '2025-02-02T10:00:00Z')]);

      const found = await deadLetters.getMany(['PE.0.4', 'PE.0.5']);

      expect([...found.keys()]).toEqual(['PE.0.4']);
      expect(found.get('PE.0.4')?.envelope?.sentAt).toEqual(new Date('2025-02-02T10:00:00Z'));
    });
  });

  describe('markRedriven', () => {
    it('should count every redrive and remember the last one and who asked', async () => {
      await deadLetters.recordAll([deadLetter('EC', 6, '2025-02-03T10:00:00Z')]);

      await deadLetters.markRedriven('EC.0.6', 'secretariat.supervisor', new Date('2025-02-04T10:00:00Z'));
      const updated = await deadLetters.markRedriven('EC.0.6', 'other.supervisor', new Date('2025-02-05T10:00:00Z'));

      expect(updated).toMatchObject({
        redriveCount: 2,
        lastRedrivenAt: new Date('2025-02-05T10:00:00Z'),
        lastRedrivenBy: 'other.supervisor',
      });
      expect(await deadLetters.markRedriven('EC.0.99', 'someone', new Date())).toBeNull();
    });
  });

  describe('list', () => {
    it('should list by country and status, the latest dead-lettered first, within the limit', async () => {
      await deadLetters.recordAll([
        deadLetter('BO', 1, '2025-03-01T10:00:00Z'),
        deadLetter('BO', 2, '2025-03-03T10:00:00Z'),
        deadLetter('BO', 3, '2025-03-02T10:00:00Z'),
      ]);
      await deadLetters.markRedriven('BO.0.2', 'secretariat.supervisor', new Date());

      const pending = await deadLetters.list({ country: 'BO', status: 'pending', limit: 10 });
      const redriven = await deadLetters.list({ country: 'BO', status: 'redriven', limit: 10 });
      const latest = await deadLetters.list({ country: 'BO', limit: 1 });

      expect(pending.map((d) => d._id)).toEqual(['BO.0.3', 'BO.0.1']);
      expect(redriven.map((d) => d._id)).toEqual(['BO.0.2']);
      expect(latest.map((d) => d._id)).toEqual(['BO.0.2']);
    });
  });
});
