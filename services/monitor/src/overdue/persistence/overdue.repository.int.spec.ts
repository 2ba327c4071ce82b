import { ScratchDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { MonitorDatabase } from '../../database/monitor-database.schema';
import { migrateMonitorDatabase } from '../../database/monitor-migrations';
import { OverdueAnnouncement, OverdueRepository } from './overdue.repository';

function announcement(overrides: Partial<OverdueAnnouncement> = {}): OverdueAnnouncement {
  return {
    announcementId: randomUUID(),
    country: 'CO',
    counterpart: 'EC',
    protocol: 'referral',
    step: 'answer',
    caseRef: randomUUID(),
    dueAt: new Date('2025-02-01T08:00:00Z'),
    announcedAt: new Date('2025-02-01T08:01:00Z'),
    ...overrides,
  };
}

describe(OverdueRepository, () => {
  let scratch: ScratchDatabase<MonitorDatabase>;
  let db: Kysely<MonitorDatabase>;
  let overdue: OverdueRepository;

  beforeAll(async () => {
    scratch = await ScratchDatabase.create('int_monitor_overdue', migrateMonitorDatabase);
    db = scratch.db;
    overdue = new OverdueRepository(db);
  }, 60_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  describe('recordAll', () => {
    it('should keep an announcement made again (after a restart) once, and say which are new', async () => {
      const first = announcement({ country: 'PE', counterpart: 'BO' });
      const again = { ...first, announcementId: randomUUID(), announcedAt: new Date('2025-02-01T09:00:00Z') };
      const other = announcement({ country: 'PE', counterpart: 'BO', step: 'information' });

      const kept = await overdue.recordAll([first, other]);
      const keptAgain = await overdue.recordAll([again]);

      expect(kept.map((a) => a.announcementId).sort()).toEqual([first.announcementId, other.announcementId].sort());
      expect(keptAgain).toEqual([]);
      expect(await overdue.record(again)).toBe(false);
      const listed = await overdue.list({ state: 'open', country: 'PE', limit: 10 });
      expect(listed.map((r) => r.announcementId).sort()).toEqual(kept.map((a) => a.announcementId).sort());
    });
  });

  describe('markAnswered', () => {
    it("should answer only the late country's open steps of the case due before the message, at the earliest", async () => {
      const caseRef = randomUUID();
      const due = announcement({ caseRef, country: 'AR', counterpart: 'CL' });
      const notYetDue = announcement({
        caseRef,
        country: 'AR',
        counterpart: 'CL',
        step: 'plan',
        dueAt: new Date('2025-03-01T00:00:00Z'),
      });
      const otherWay = announcement({ caseRef, country: 'CL', counterpart: 'AR', step: 'confirmation' });
      await overdue.recordAll([due, notYetDue, otherWay]);

      const answered = await overdue.markAnswered([
        { caseRef, lateCountry: 'CL', waitingCountry: 'AR', at: new Date('2025-02-02T10:00:00Z') },
        { caseRef, lateCountry: 'CL', waitingCountry: 'AR', at: new Date('2025-02-02T09:00:00Z') },
      ]);
      const again = await overdue.markAnswered([
        { caseRef, lateCountry: 'CL', waitingCountry: 'AR', at: new Date('2025-02-03T00:00:00Z') },
      ]);

      expect(answered).toBe(1);
      expect(again).toBe(0);
      const all = await overdue.list({ state: 'all', country: 'AR', counterpart: 'CL', limit: 10 });
      const answeredAt = Object.fromEntries(all.map((r) => [r.step, r.answeredAt?.toISOString() ?? null]));
      expect(answeredAt).toEqual({ answer: '2025-02-02T09:00:00.000Z', plan: null });
      const [stillOpen] = await overdue.list({ state: 'open', country: 'CL', counterpart: 'AR', limit: 10 });
      expect(stillOpen?.caseRef).toBe(caseRef);
    });
  });

  describe('list', () => {
    it('should list by state, country and counterpart, latest due first, within the limit', async () => {
      const dues = ['2025-04-01', '2025-04-03', '2025-04-02'].map((day) =>
        announcement({ country: 'UY', counterpart: 'PY', dueAt: new Date(`${day}T00:00:00Z`) }),
      );
      await overdue.recordAll(dues);
      await overdue.markAnswered([
        {
          caseRef: dues[0]?.caseRef ?? '',
          lateCountry: 'PY',
          waitingCountry: 'UY',
          at: new Date('2025-05-01T00:00:00Z'),
        },
      ]);

      const open = await overdue.list({ state: 'open', country: 'UY', limit: 10 });
      const answered = await overdue.list({ state: 'answered', counterpart: 'PY', limit: 10 });
      const first = await overdue.list({ state: 'all', country: 'UY', counterpart: 'PY', limit: 1 });

      expect(open.map((r) => r.dueAt.toISOString().slice(0, 10))).toEqual(['2025-04-03', '2025-04-02']);
      expect(answered.map((r) => r.caseRef)).toEqual([dues[0]?.caseRef]);
      expect(first.map((r) => r.dueAt.toISOString().slice(0, 10))).toEqual(['2025-04-03']);
    });
  });
});
