import type { AuditCheckpointV1 } from '@enlace/contracts';
import { Kysely } from 'kysely';
import { MonitorDatabase } from '../../database/monitor-database.schema';

/** A node's audit checkpoint as the monitor keeps it: what it says, and the statement the node signed. */
export interface KeptAuditCheckpoint {
  readonly country: string;
  readonly sequence: number;
  readonly headMac: string;
  readonly count: number;
  readonly at: string;
  readonly receivedAt: string;
  /** The checkpoint as the node signed it (JWS compact), to be checked again against the directory. */
  readonly statement: string;
}

/**
 * The nodes' audit checkpoints (`audit_checkpoints`), every one kept: a checkpoint is never replaced, and two of one
 * node at the same length with different seals are both kept, as evidence.
 */
export class AuditCheckpointRepository {
  constructor(private readonly db: Kysely<MonitorDatabase>) {}

  /** Keeps the checkpoint unless the same one is kept already (a redelivery); true when kept. */
  async keep(checkpoint: AuditCheckpointV1, statement: string, receivedAt: Date): Promise<boolean> {
    const written = await this.db
      .insertInto('audit_checkpoints')
      .values({
        country: checkpoint.country,
        sequence: String(checkpoint.sequence),
        head_mac: checkpoint.headMac,
        count: String(checkpoint.count),
        made_at: checkpoint.at,
        statement,
        received_at: receivedAt,
      })
      .onConflict((conflict) => conflict.columns(['country', 'sequence', 'head_mac']).doNothing())
      .returning('country')
      .executeTakeFirst();
    return written !== undefined;
  }

  /** The country's checkpoint of the longest log (the latest made among equals), or undefined for none. */
  async latest(country: string): Promise<KeptAuditCheckpoint | undefined> {
    const row = await this.db
      .selectFrom('audit_checkpoints')
      .selectAll()
      .where('country', '=', country)
      .orderBy('sequence', 'desc')
      .orderBy('made_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      country: row.country,
      sequence: Number(row.sequence),
      headMac: row.head_mac,
      count: Number(row.count),
      at: new Date(row.made_at).toISOString(),
      receivedAt: new Date(row.received_at).toISOString(),
      statement: row.statement,
    };
  }
}
