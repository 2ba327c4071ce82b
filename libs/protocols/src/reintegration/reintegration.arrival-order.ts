import { ReintegrationEvent } from './reintegration.events';
import { evolveReintegration } from './reintegration.evolve';
import { ReintegrationState, ReintegrationStatus } from './reintegration.state';
import { isReintegrationTerminal } from './reintegration.status';

/** The open statuses in the order a reintegration goes through them; a risk review comes after monitoring. */
const ORDER: readonly ReintegrationStatus[] = [
  'plan-pending',
  'plan-agreed',
  'in-implementation',
  'monitoring',
  'risk-review',
];

/** The status each step of the receiver applies from at the earliest. */
const APPLIES_FROM: Partial<Record<ReintegrationEvent['type'], ReintegrationStatus>> = {
  ReintegrationPlanAgreed: 'plan-pending',
  ImplementationStarted: 'plan-agreed',
  MonitoringStarted: 'in-implementation',
  ReintegrationClosed: 'plan-agreed',
  ReintegrationReReferred: 'in-implementation',
  RiskReviewResolved: 'risk-review',
};

/**
 * True when an event of the other end came before the step it follows (a copy delivered out of order), so its
 * message waits for that step: the replica is open, the event does not move it, and the step it needs is still
 * ahead — a follow-up report after one not yet seen, a step whose previous step has not arrived, a closure or a
 * re-referral crossing the resolution of a risk review not yet seen. A duplicate, a step behind the replica, or any
 * event once the reintegration ended changes nothing and waits for nothing.
 */
export function reintegrationEventComesEarly(state: ReintegrationState, event: ReintegrationEvent): boolean {
  if (isReintegrationTerminal(state.status) || evolveReintegration(state, event) !== state) return false;
  const at = ORDER.indexOf(state.status);
  if (event.type === 'FollowUpReported') {
    return state.status !== 'monitoring' || event.data.sequence > state.followUpCount + 1;
  }
  // Closing or re-referring is refused during a risk review: one that arrives then follows its resolution.
  if (
    (event.type === 'ReintegrationClosed' || event.type === 'ReintegrationReReferred') &&
    state.status === 'risk-review'
  ) {
    return true;
  }
  const from = APPLIES_FROM[event.type];
  return from !== undefined && at < ORDER.indexOf(from);
}
