import type { NodeApiSchemas } from '@enlace/contracts';
import type { CaseSharing } from '../application/case-shares.service';

export type CaseSharingView = NodeApiSchemas['CaseSharing'];
export type ShareCaseRequest = NodeApiSchemas['ShareCaseRequest'];
export type NodeAgenciesView = NodeApiSchemas['NodeAgencies'];

export function toCaseSharingView(sharing: CaseSharing): CaseSharingView {
  return {
    id: sharing.record.id,
    kind: sharing.record.kind,
    owner: sharing.owner,
    shares: sharing.shares.map((share) => ({
      agency: share.agency,
      reason: share.reason,
      sharedBy: share.sharedBy,
      sharedAt: share.sharedAt.toISOString(),
    })),
  };
}
