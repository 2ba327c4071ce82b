import { sql } from 'kysely';
import type { NodeTransactions } from '../../database/node-transactions';
import type { CallerAgency } from '../agency-scope';
import type { CaseShare } from '../domain/case-share';
import { visibleToAgency } from './agency-visibility';

/** A case or an intake found by its id, with its owning agency (null: from before agencies, the gateway's). */
export interface ShareableRecord {
  readonly id: string;
  readonly kind: 'case' | 'intake';
  readonly agency: string | null;
}

/**
 * The shares of the node's cases and intakes with its other agencies (`case_shares`). Reads and writes run in the
 * caller's transaction when it has one (the audit record of the request commits with them).
 */
export class CaseShareRepository {
  constructor(private readonly transactions: NodeTransactions) {}

  /**
   * The case or intake of that id, whatever its protocol, if the caller's agency may read it (none for the node's own
   * work: every one); inside a transaction its row stays locked.
   */
  async findRecord(id: string, caller: CallerAgency | undefined): Promise<ShareableRecord | null> {
    for (const [table, kind] of [
      ['cases', 'case'],
      ['intakes', 'intake'],
    ] as const) {
      let query = this.transactions.executor.selectFrom(table).select(['id', 'agency']).where('id', '=', id);
      if (caller) query = query.where(visibleToAgency(table, caller));
      if (this.transactions.inTransaction) query = query.forUpdate();
      const row = await query.executeTakeFirst();
      if (row) return { id: row.id, kind, agency: row.agency };
    }
    return null;
  }

  async list(caseId: string): Promise<CaseShare[]> {
    const rows = await this.transactions.executor
      .selectFrom('case_shares')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('shared_at')
      .orderBy('agency')
      .execute();
    return rows.map((row) => ({
      agency: row.agency,
      reason: row.reason,
      sharedBy: row.shared_by,
      sharedAt: new Date(row.shared_at),
    }));
  }

  /** Shares the record with the agency; sharing it again replaces the reason, who and when. */
  async put(caseId: string, share: CaseShare): Promise<void> {
    const values = { reason: share.reason, shared_by: share.sharedBy, shared_at: share.sharedAt };
    await this.transactions.executor
      .insertInto('case_shares')
      .values({ case_id: caseId, agency: share.agency, ...values })
      .onConflict((conflict) => conflict.columns(['case_id', 'agency']).doUpdateSet(values))
      .execute();
  }

  /** Whether a share was there to take back. */
  async remove(caseId: string, agency: string): Promise<boolean> {
    const removed = await this.transactions.executor
      .deleteFrom('case_shares')
      .where('case_id', '=', caseId)
      .where('agency', '=', agency)
      .executeTakeFirst();
    return removed.numDeletedRows > 0n;
  }

  /** Gives the case made from an intake the intake's shares: the agencies that worked on it keep seeing it. */
  async copy(fromId: string, toId: string): Promise<void> {
    await sql`
      insert into case_shares (case_id, agency, reason, shared_by, shared_at)
      select ${toId}, agency, reason, shared_by, shared_at from case_shares where case_id = ${fromId}
      on conflict do nothing`.execute(this.transactions.executor);
  }
}
