import { Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '@enlace/http';
import { CASE_AUDIT_TRAIL } from '../../audit/audit.tokens';
import type { CaseAuditTrail } from '../../cases/application/case-audit-trail';
import { NODE_TRANSACTIONS } from '../../database/database.tokens';
import type { NodeTransactions } from '../../database/node-transactions';
import { AgencyScope, type CallerAgency } from '../agency-scope';
import { CASE_SHARE_REPOSITORY } from '../agencies.tokens';
import type { CaseShare } from '../domain/case-share';
import type { CaseShareRepository, ShareableRecord } from '../persistence/case-share.repository';

/** A case or an intake with the agency that owns it and those it is shared with. */
export interface CaseSharing {
  readonly record: ShareableRecord;
  readonly owner: string;
  readonly shares: readonly CaseShare[];
}

/**
 * What supervisors do to let other agencies of the node work on a case or an intake of their own agency: share it,
 * with a reason, or take it back. Each change is one transaction with the audit record of the request that made it.
 * A user who may not read the record learns nothing of it (404, as for a record that does not exist).
 */
@Injectable()
export class CaseSharesService {
  constructor(
    @Inject(CASE_SHARE_REPOSITORY) private readonly repository: CaseShareRepository,
    @Inject(NODE_TRANSACTIONS) private readonly transactions: NodeTransactions,
    @Inject(CASE_AUDIT_TRAIL) private readonly trail: CaseAuditTrail,
    private readonly scope: AgencyScope,
  ) {}

  async sharing(id: string): Promise<CaseSharing> {
    const record = await this.visible(id);
    return this.sharingOf(record);
  }

  async share(id: string, agency: string, reason: string): Promise<CaseSharing> {
    if (!this.scope.agencies.includes(agency)) {
      throw new ProblemException({
        status: 422,
        title: 'Unprocessable Content',
        detail: 'The agency is not one of this node’s.',
        errors: [{ field: '/agency', message: `must be one of ${this.scope.agencies.join(', ')}` }],
      });
    }
    return this.trail.around(() =>
      this.transactions.run(async () => {
        const { record, caller } = await this.owned(id);
        if (agency === this.ownerOf(record)) {
          throw new ProblemException({
            status: 409,
            title: 'Conflict',
            detail: 'The case belongs to that agency already.',
          });
        }
        await this.repository.put(id, { agency, reason, sharedBy: caller?.username ?? 'node', sharedAt: new Date() });
        return this.sharingOf(record);
      }),
    );
  }

  async unshare(id: string, agency: string): Promise<CaseSharing> {
    return this.trail.around(() =>
      this.transactions.run(async () => {
        const { record } = await this.owned(id);
        if (!(await this.repository.remove(id, agency))) {
          throw new ProblemException({
            status: 404,
            title: 'Not Found',
            detail: `The case is not shared with ${agency}.`,
          });
        }
        return this.sharingOf(record);
      }),
    );
  }

  /** Gives a case made from an intake the intake's shares, in the conversion's transaction. */
  copyShares(fromId: string, toId: string): Promise<void> {
    return this.repository.copy(fromId, toId);
  }

  private async sharingOf(record: ShareableRecord): Promise<CaseSharing> {
    return { record, owner: this.ownerOf(record), shares: await this.repository.list(record.id) };
  }

  private ownerOf(record: ShareableRecord): string {
    return record.agency ?? this.scope.gatewayAgency;
  }

  private async visible(id: string): Promise<ShareableRecord> {
    const record = await this.repository.findRecord(id, this.scope.caller());
    if (!record) throw new ProblemException({ status: 404, title: 'Not Found', detail: `No case ${id} on this node.` });
    return record;
  }

  /** The record, if the caller's agency owns it: an agency it was shared with may read it, not pass it on. */
  private async owned(id: string): Promise<{ record: ShareableRecord; caller: CallerAgency | undefined }> {
    const record = await this.visible(id);
    const caller = this.scope.caller();
    if (caller && this.ownerOf(record) !== caller.agency) {
      throw new ProblemException({
        status: 403,
        title: 'Forbidden',
        detail: 'Only a supervisor of the agency that owns the case shares it or takes it back.',
      });
    }
    return { record, caller };
  }
}
