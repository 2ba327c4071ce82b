import type { AuditLogTable, NodeDatabase } from '@enlace/store';
import { Kysely, Selectable, sql } from 'kysely';
import type { AuditRecordQuery } from './audit-record.query';

/** What an auditor reads of one record: no seal, and of the actor only the user name. */
export interface AuditRecordRow {
  readonly seq: number;
  readonly at: string;
  readonly user: string | null;
  readonly action: string;
  readonly resource: Readonly<Record<string, string>>;
  readonly outcome: number;
}

/**
 * Reads pages of the node's audit log (read only: the log is written by AuditLogStore alone). A page walks the
 * sequence number, the table's primary key, from the cursor on, so a deep page costs what the first does; the
 * filters narrow that walk.
 */
export class AuditRecordRepository {
  constructor(private readonly db: Kysely<NodeDatabase>) {}

  /** Up to `limit + 1` records, so that the caller knows whether another page follows. */
  async page(query: AuditRecordQuery): Promise<AuditRecordRow[]> {
    const newest = query.sort === 'newest';
    const window = query.from !== undefined || query.to !== undefined;
    // Indexes of node migration 0014-audit-log-filters. An action or a user is a prefix of an index that ends with
    // seq: one walk gives the filter in the page's order. A time range is read through the index of the instant and
    // its records sorted by seq: the cost follows the window's size, never the log's. Ordered on the primary key
    // instead, PostgreSQL walks back from the newest record until the window, all the records since read for nothing
    // (it takes the instant and seq for unrelated), so there the order is given as an expression the key cannot serve.
    const order = window ? sql`seq + 0` : sql`seq`;
    let select = this.db
      .selectFrom('audit_log')
      .select(['seq', 'at', 'actor', 'action', 'resource', 'outcome'])
      .orderBy(order, newest ? 'desc' : 'asc')
      .limit(query.limit + 1);
    if (query.afterSeq !== undefined) select = select.where('seq', newest ? '<' : '>', String(query.afterSeq));
    if (query.from) select = select.where('at_instant', '>=', query.from);
    if (query.to) select = select.where('at_instant', '<', query.to);
    if (query.action !== undefined) select = select.where('action', '=', query.action);
    if (query.user !== undefined) select = select.where(sql<string>`(actor->>'username')`, '=', query.user);
    return (await select.execute()).map(toRow);
  }
}

function toRow(
  row: Pick<Selectable<AuditLogTable>, 'seq' | 'at' | 'actor' | 'action' | 'resource' | 'outcome'>,
): AuditRecordRow {
  const username = (row.actor as { username?: unknown } | null)?.username;
  return {
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    user: typeof username === 'string' ? username : null,
    action: row.action,
    resource: row.resource as unknown as Record<string, string>,
    outcome: row.outcome,
  };
}
