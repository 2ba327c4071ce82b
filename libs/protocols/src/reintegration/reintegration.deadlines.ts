import { isBefore } from '../shared/iso-instant';
import { ReintegrationState } from './reintegration.state';

/**
 * When the step the reintegration waits on is due: the plan while it is pending, the next follow-up report
 * while monitoring. Other statuses wait on no deadline the protocol knows.
 */
export function reintegrationDueAt(state: ReintegrationState): string | undefined {
  switch (state.status) {
    case 'plan-pending':
      return state.planDueAt;
    case 'monitoring':
      return state.nextFollowUpDueAt;
    default:
      return undefined;
  }
}

/** True once `now` is past the due time; at the due instant itself the step is due, not yet overdue. */
export function isReintegrationOverdue(state: ReintegrationState, now: string): boolean {
  const dueAt = reintegrationDueAt(state);
  return dueAt !== undefined && isBefore(dueAt, now);
}
