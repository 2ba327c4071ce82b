import { missingChildSafeguards } from './return.child-safeguards';
import { ReturnChildSafeguard, ReturnSide, ReturnState } from './return.state';

const SAFEGUARD_OWNER: Record<ReturnChildSafeguard, ReturnSide> = {
  guardian: 'sender',
  'best-interests': 'sender',
  'family-assessment': 'receiver',
};

/**
 * Whose turn it is: the end whose step the return waits on (and whose lateness `dueAt` measures), or undefined
 * once the return has ended. The joint risk assessment waits on the sender, who has the person at hand. A
 * child's return that is risk-assessed waits on the owner of the first safeguard still missing in procedure
 * order (guardian, best-interests determination, family assessment), then on the receiver's reception plan. A
 * suspended return waits on the end that holds it (the sender first when both do).
 */
export function returnPendingOn(state: ReturnState): ReturnSide | undefined {
  switch (state.status) {
    case 'requested':
    case 'plan-confirmed':
    case 'departed':
    case 'arrived':
      return 'receiver';
    case 'nationality-verified':
    case 'plan-proposed':
    case 'documents-issued':
    case 'travel-scheduled':
    case 'no-show':
      return 'sender';
    case 'risk-assessed': {
      const [missing] = missingChildSafeguards(state);
      return missing === undefined ? 'receiver' : SAFEGUARD_OWNER[missing];
    }
    case 'suspended':
      return state.suspension?.holds[0]?.by;
    case 'nationality-not-confirmed':
    case 'not-safe':
    case 'barred':
    case 'handed-over':
    case 'cancelled':
    case 'consent-withdrawn':
      return undefined;
  }
}
