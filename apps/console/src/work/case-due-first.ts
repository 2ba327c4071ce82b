import type { CaseDirection, CaseSide } from '../api/node-api.types';

/** What the lists of returns and reintegrations need to say whose turn it is (the node orders the lists). */
export interface DueCase {
  direction: CaseDirection;
  pendingOn?: CaseSide;
  dueAt?: string;
  overdue: boolean;
  updatedAt: string;
}

/** Whether the case waits on this node: the sending end is the outgoing one, the receiving end the incoming one. */
export function caseWaitsOnUs(item: Pick<DueCase, 'direction' | 'pendingOn'>): boolean {
  if (!item.pendingOn) return false;
  return item.pendingOn === (item.direction === 'outgoing' ? 'sender' : 'receiver');
}
