import { AuditKey, AuditLogStore } from '@enlace/audit';
import { InboxCounts, InboxEntrySummary, InboxStore, NodeDatabase } from '@enlace/store';
import { Kysely } from 'kysely';

/** What became of an entry put back, once the node's applier looked at it (or did not in time). */
export type ReapplyResult =
  | { envelopeId: string; outcome: 'applied' }
  | { envelopeId: string; outcome: 'set-aside-again'; code: string; detail: string }
  | { envelopeId: string; outcome: 'not-yet' };

/**
 * The operator's side of a node's inbox, on its database (the node's own processes need not be reachable): lists
 * what is set aside or waiting, and puts set-aside entries back to be applied, recording who did it in the node's
 * audit log in the same transaction. The node's applier then applies each once; an operator and a supervisor (the
 * API) putting back the same entry at once are settled by the database, one of them finds nothing to do.
 */
export class InboxOperator {
  private readonly inbox: InboxStore;
  private readonly audit: AuditLogStore;

  constructor(
    private readonly db: Kysely<NodeDatabase>,
    private readonly operator: { name: string; country: string },
    /** The node's audit key (ENLACE_AUDIT_KEY_FILE): the records of what the operator does are sealed with it. */
    auditKey?: AuditKey,
  ) {
    this.inbox = new InboxStore(db);
    this.audit = new AuditLogStore(db, auditKey ? { key: auditKey } : {});
  }

  counts(): Promise<InboxCounts> {
    return this.inbox.counts();
  }

  async list(which: 'set-aside' | 'waiting', limit: number, after?: string): Promise<InboxEntrySummary[]> {
    const page =
      which === 'set-aside' ? await this.inbox.listSetAside(limit, after) : await this.inbox.listWaiting(limit, after);
    return page.entries;
  }

  /** Puts back the entries named (every set-aside one without names); returns those put back. */
  reapply(envelopeIds?: readonly string[]): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const reapplied = await this.inbox.reapply(envelopeIds, trx);
      if (reapplied.length > 0) {
        const at = new Date().toISOString();
        await this.audit.appendWithin(
          trx,
          reapplied.map((envelopeId) => ({
            at,
            actor: { username: this.operator.name, country: this.operator.country, roles: ['operator'] },
            action: 'CLI inbox reapply',
            resource: { 'inbox-entry': envelopeId },
            outcome: 202,
          })),
        );
      }
      return reapplied;
    });
  }

  /**
   * Waits up to `timeoutMs` for the node to apply or set aside again each entry put back; `onSettled` hears how many
   * have, at each look (a progress bar).
   */
  async outcomes(
    envelopeIds: readonly string[],
    timeoutMs: number,
    onSettled: (settled: number) => void = () => undefined,
    pollMs = 250,
  ): Promise<ReapplyResult[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const results = await Promise.all(envelopeIds.map((envelopeId) => this.outcomeOf(envelopeId)));
      onSettled(results.filter((result) => result.outcome !== 'not-yet').length);
      if (results.every((result) => result.outcome !== 'not-yet') || Date.now() >= deadline) return results;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  private async outcomeOf(envelopeId: string): Promise<ReapplyResult> {
    const entry = await this.inbox.summary(envelopeId);
    if (entry?.appliedAt) return { envelopeId, outcome: 'applied' };
    if (entry?.setAside) return { envelopeId, outcome: 'set-aside-again', ...entry.setAside };
    return { envelopeId, outcome: 'not-yet' };
  }
}
