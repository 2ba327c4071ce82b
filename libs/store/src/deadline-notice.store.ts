import { Kysely } from 'kysely';
import type { NodeDatabase } from './postgres/node-database.schema';
import { NodeChannels } from './postgres/node-channels';
import { notify } from './postgres/notify';

/** An overdue step to announce to the network (contracts: deadline.overdue.v1), waiting for the courier. */
export interface DeadlineNotice {
  /** `<caseRef>:<step>:<dueAt>`: the same overdue step is one notice, however often it is found. */
  id: string;
  announcement: Record<string, unknown>;
  createdAt: Date;
  sentAt: Date | null;
}

/**
 * Overdue announcements between the node API, which finds the steps, and the courier, which publishes them on
 * the deadlines topic: a queue as the outbox is (claimed with SKIP LOCKED, marked sent before the commit).
 */
export class DeadlineNoticeStore {
  constructor(private readonly db: Kysely<NodeDatabase>) {}

  /** Adds a notice and wakes the courier; one already there stays as it is. */
  async add(id: string, announcement: Record<string, unknown>, at: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const added = await trx
        .insertInto('deadline_notices')
        .values({ id, announcement: JSON.stringify(announcement), created_at: at })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (added) await notify(trx, NodeChannels.deadlineNotices);
    });
  }

  /** Claims up to `limit` unsent notices, hands them to `send`, and marks them sent, in one transaction. */
  async relay(limit: number, send: (notices: DeadlineNotice[]) => Promise<void>): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('deadline_notices')
        .selectAll()
        .where('sent_at', 'is', null)
        .orderBy('created_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      await send(
        rows.map((row) => ({
          id: row.id,
          announcement: row.announcement,
          createdAt: row.created_at,
          sentAt: row.sent_at,
        })),
      );
      await trx
        .updateTable('deadline_notices')
        .set({ sent_at: new Date() })
        .where(
          'id',
          'in',
          rows.map((row) => row.id),
        )
        .execute();
      return rows.length;
    });
  }
}
