import { auditLogLock, type AuditLogStore } from '@enlace/audit';
import type { CaseAuditTrail } from '../cases/application/case-audit-trail';
import type { NodeTransactions } from '../database/node-transactions';
import { AUDITED_WITH_CHANGE, auditEntryOf } from './audit-entry';
import type { RequestAuditContext } from './request-audit.context';

/**
 * The audit record of a user's request, appended in the transaction of the case change the request makes, last
 * before it commits (the log's lock is held until then). Once committed, the request is marked so that the
 * middleware does not record it again; a change that rolls back (another writer won, the step is retried) takes its
 * record with it.
 */
export class TransactionalAuditTrail implements CaseAuditTrail {
  constructor(
    private readonly transactions: NodeTransactions,
    private readonly store: AuditLogStore,
    private readonly context: RequestAuditContext,
  ) {}

  around<T>(write: () => Promise<T>): Promise<T> {
    const inFlight = this.context.current();
    if (!inFlight || inFlight.request[AUDITED_WITH_CHANGE]) return write();
    const { request, success, at } = inFlight;
    return this.transactions.run(async (trx) => {
      // The log's lock is held from the case's last write to the commit, taken by that write's own statement.
      this.transactions.lockWithLastWrite(auditLogLock());
      const written = await write();
      await this.store.appendWithin(trx, [auditEntryOf(request, success, at)], {
        locked: this.transactions.lastWriteLocked,
      });
      await this.transactions.afterCommit(async () => {
        request[AUDITED_WITH_CHANGE] = true;
      });
      return written;
    });
  }
}
