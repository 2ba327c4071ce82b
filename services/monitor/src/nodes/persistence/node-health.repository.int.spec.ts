import { ScratchDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { MonitorDatabase } from '../../database/monitor-database.schema';
import { migrateMonitorDatabase } from '../../database/monitor-migrations';
import { NodeHealthRepository, NodeHeartbeatRecord } from './node-health.repository';

const heartbeat = (country: string, sentAt: string, inboxLag: number | null = 0): NodeHeartbeatRecord => ({
  _id: country,
  instanceId: `${country.toLowerCase()}-${sentAt}`,
  startedAt: new Date('2025-01-01T00:00:00Z'),
  sentAt: new Date(sentAt),
  intervalMs: 10_000,
  inboxLag,
});

describe(NodeHealthRepository, () => {
  let scratch: ScratchDatabase<MonitorDatabase>;
  let db: Kysely<MonitorDatabase>;
  let nodes: NodeHealthRepository;

  beforeAll(async () => {
    scratch = await ScratchDatabase.create('int_monitor_nodes', migrateMonitorDatabase);
    db = scratch.db;
    nodes = new NodeHealthRepository(db);
  }, 60_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  describe('recordAll', () => {
    it("should keep each country's latest heartbeat, whatever the order heartbeats are read in", async () => {
      const kept = await nodes.recordAll([
        heartbeat('EC', '2025-02-01T10:00:20Z'),
        heartbeat('EC', '2025-02-01T10:00:10Z'),
        heartbeat('CO', '2025-02-01T10:00:00Z', null),
      ]);
      const older = await nodes.recordAll([heartbeat('EC', '2025-02-01T10:00:00Z', 7)]);
      const same = await nodes.record(heartbeat('CO', '2025-02-01T10:00:00Z', 3));
      const newer = await nodes.record(heartbeat('CO', '2025-02-01T10:00:30Z', 5));

      expect(kept.map((h) => `${h._id} ${h.sentAt.toISOString()}`).sort()).toEqual([
        'CO 2025-02-01T10:00:00.000Z',
        'EC 2025-02-01T10:00:20.000Z',
      ]);
      expect(older).toEqual([]);
      expect(same).toBe(false);
      expect(newer).toBe(true);
      expect(await nodes.list()).toEqual([
        heartbeat('CO', '2025-02-01T10:00:30Z', 5),
        heartbeat('EC', '2025-02-01T10:00:20Z'),
      ]);
    });
  });
});
