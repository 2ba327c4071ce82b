import type { CaseDirection, CaseSide } from '../api/node-api.types';

/** What the lists of returns and reintegrations need to put what is due first on top. */
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

const dueTime = (item: DueCase): number => (item.dueAt ? Date.parse(item.dueAt) : Number.POSITIVE_INFINITY);

/**
 * The same order as the referrals': cases waiting on us first, overdue before the rest, then the nearest due
 * time, then the most recently changed.
 */
export function casesDueFirst<T extends DueCase>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      Number(caseWaitsOnUs(b)) - Number(caseWaitsOnUs(a)) ||
      Number(b.overdue) - Number(a.overdue) ||
      dueTime(a) - dueTime(b) ||
      Date.parse(b.updatedAt) - Date.parse(a.updatedAt),
  );
}
