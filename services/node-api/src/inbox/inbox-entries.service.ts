import { Inject, Injectable } from '@nestjs/common';
import { InboxCounts, InboxEntrySummary, InboxStore } from '@enlace/store';
import { CASE_AUDIT_TRAIL } from '../audit/audit.tokens';
import type { CaseAuditTrail } from '../cases/application/case-audit-trail';
import { INBOX_STORE, NODE_TRANSACTIONS } from '../database/database.tokens';
import { NodeTransactions } from '../database/node-transactions';

/** What asking to apply one entry again came to. */
export type ReapplyOutcome = 'reapplied' | 'not-found' | 'not-set-aside';

export interface InboxEntryPage {
  entries: InboxEntrySummary[];
  counts: InboxCounts;
  /** The cursor of the next page, when this one was full. */
  next?: string;
}

/**
 * A supervisor's view of the node's inbox: the messages set aside (with their reason, never their payload) and those
 * waiting for the message they follow, and the putting back of set-aside ones once the cause is fixed. Putting back
 * is recorded in the audit log in the same transaction; the applier then applies each entry once, as any other.
 */
@Injectable()
export class InboxEntriesService {
  constructor(
    @Inject(INBOX_STORE) private readonly inbox: InboxStore,
    @Inject(NODE_TRANSACTIONS) private readonly transactions: NodeTransactions,
    @Inject(CASE_AUDIT_TRAIL) private readonly trail: CaseAuditTrail,
  ) {}

  async setAside(limit: number, after?: string): Promise<InboxEntryPage> {
    return this.page(await this.inbox.listSetAside(limit, after), limit);
  }

  async waiting(limit: number, after?: string): Promise<InboxEntryPage> {
    return this.page(await this.inbox.listWaiting(limit, after), limit);
  }

  /** Puts one set-aside entry back; says why not when it is unknown or not set aside (applied, waiting, put back). */
  async reapply(envelopeId: string): Promise<ReapplyOutcome> {
    const [reapplied] = await this.trail.around(() => this.inbox.reapply([envelopeId], this.transactions.executor));
    if (reapplied) return 'reapplied';
    return (await this.inbox.summary(envelopeId)) ? 'not-set-aside' : 'not-found';
  }

  /** Puts every set-aside entry back; returns their ids. */
  reapplyAll(): Promise<string[]> {
    return this.trail.around(() => this.inbox.reapply(undefined, this.transactions.executor));
  }

  private async page(
    found: { entries: InboxEntrySummary[]; lastSeq?: string },
    limit: number,
  ): Promise<InboxEntryPage> {
    return {
      entries: found.entries,
      counts: await this.inbox.counts(),
      ...(found.entries.length === limit && found.lastSeq ? { next: found.lastSeq } : {}),
    };
  }
}
