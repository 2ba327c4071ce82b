import { Kysely, Selectable } from 'kysely';
import { MonitorDatabase, NodeHealthTable } from '../../database/monitor-database.schema';

/** The last heartbeat of a country's node. */
export interface NodeHeartbeatRecord {
  _id: string;
  instanceId: string;
  startedAt: Date;
  sentAt: Date;
  intervalMs: number;
  inboxLag: number | null;
}

/** Each country's latest heartbeat (`node_health`), by country. */
export class NodeHealthRepository {
  constructor(private readonly db: Kysely<MonitorDatabase>) {}

  /** Keeps a heartbeat unless a later one of that country is already kept; true when kept. */
  async record(heartbeat: NodeHeartbeatRecord): Promise<boolean> {
    return (await this.recordAll([heartbeat])).length === 1;
  }

  /**
   * Keeps each country's latest heartbeat of the batch unless a later one is already kept, in one statement;
   * returns those kept.
   */
  async recordAll(heartbeats: readonly NodeHeartbeatRecord[]): Promise<NodeHeartbeatRecord[]> {
    const latest = new Map<string, NodeHeartbeatRecord>();
    for (const heartbeat of heartbeats) {
      const kept = latest.get(heartbeat._id);
      if (!kept || kept.sentAt < heartbeat.sentAt) latest.set(heartbeat._id, heartbeat);
    }
    if (latest.size === 0) return [];
    const written = await this.db
      .insertInto('node_health')
      .values(
        [...latest.values()]
          .sort((a, b) => (a._id < b._id ? -1 : 1))
          .map((h) => ({
            country: h._id,
            instance_id: h.instanceId,
            started_at: h.startedAt,
            sent_at: h.sentAt,
            interval_ms: h.intervalMs,
            inbox_lag: h.inboxLag,
          })),
      )
      .onConflict((conflict) =>
        conflict
          .column('country')
          .doUpdateSet((eb) => ({
            instance_id: eb.ref('excluded.instance_id'),
            started_at: eb.ref('excluded.started_at'),
            sent_at: eb.ref('excluded.sent_at'),
            interval_ms: eb.ref('excluded.interval_ms'),
            inbox_lag: eb.ref('excluded.inbox_lag'),
          }))
          .where('node_health.sent_at', '<', (eb) => eb.ref('excluded.sent_at')),
      )
      .returning('country')
      .execute();
    return written.flatMap((row) => latest.get(row.country) ?? []);
  }

  async list(): Promise<NodeHeartbeatRecord[]> {
    const rows = await this.db.selectFrom('node_health').selectAll().orderBy('country').execute();
    return rows.map(toHeartbeatRecord);
  }
}

function toHeartbeatRecord(row: Selectable<NodeHealthTable>): NodeHeartbeatRecord {
  return {
    _id: row.country,
    instanceId: row.instance_id,
    startedAt: row.started_at,
    sentAt: row.sent_at,
    intervalMs: row.interval_ms,
    inboxLag: row.inbox_lag,
  };
}
