import { ReintegrationSide, ReintegrationState } from './reintegration.state';
import { isReintegrationOpen } from './reintegration.status';

/**
 * Whose turn it is, or undefined once the reintegration has ended. The receiver runs every step (the sender is
 * only told), so an open reintegration always waits on the receiver.
 */
export function reintegrationPendingOn(state: ReintegrationState): ReintegrationSide | undefined {
  return isReintegrationOpen(state.status) ? 'receiver' : undefined;
}
