import { Kysely } from 'kysely';
import type { NodeDatabase } from './postgres/node-database.schema';
import { NodeChannels } from './postgres/node-channels';
import { notify } from './postgres/notify';

/** A statistics report waiting for the courier: already suppressed, so nothing in it is personal. */
export interface PendingStatisticsReport {
  reportId: string;
  month: string;
  report: Record<string, unknown>;
  createdAt: Date;
}

/**
 * Statistics reports between the node API, which counts and suppresses, and the courier, which signs and publishes
 * them: a queue as the outbox is (claimed with SKIP LOCKED, marked sent in the transaction that claimed them, after
 * the broker acknowledged them).
 */
export class StatisticsReportStore {
  constructor(private readonly db: Kysely<NodeDatabase>) {}

  /** Queues a report and wakes the courier. */
  async add(reportId: string, month: string, report: Record<string, unknown>, at: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('statistics_reports')
        .values({ report_id: reportId, month, report: JSON.stringify(report), created_at: at })
        .onConflict((conflict) => conflict.column('report_id').doNothing())
        .execute();
      await notify(trx, NodeChannels.statisticsReports);
    });
  }

  /** Claims up to `limit` unsent reports, oldest first, hands them to `send`, and marks them sent, in one transaction. */
  async relay(limit: number, send: (reports: PendingStatisticsReport[]) => Promise<void>): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('statistics_reports')
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
          reportId: row.report_id,
          month: row.month,
          report: row.report,
          createdAt: row.created_at,
        })),
      );
      await trx
        .updateTable('statistics_reports')
        .set({ sent_at: new Date() })
        .where(
          'report_id',
          'in',
          rows.map((row) => row.report_id),
        )
        .execute();
      return rows.length;
    });
  }
}
