import { RETURN_CHILD_SAFEGUARDS, ReturnChildSafeguard, ReturnState } from './return.state';

type SafeguardFacts = Pick<ReturnState, 'isChild' | 'guardianAppointedAt' | 'bestInterests' | 'familyAssessment'>;

const MET: Record<ReturnChildSafeguard, (state: SafeguardFacts) => boolean> = {
  guardian: (state) => state.guardianAppointedAt !== undefined,
  'best-interests': (state) => state.bestInterests?.result === 'in-favour',
  'family-assessment': (state) => state.familyAssessment?.result === 'suitable',
};

/**
 * The child safeguards not yet met with a positive result, in procedure order; none for an adult. A child's
 * reception plan cannot be proposed, nor the child leave, while any is missing.
 */
export function missingChildSafeguards(state: SafeguardFacts): ReturnChildSafeguard[] {
  return state.isChild ? RETURN_CHILD_SAFEGUARDS.filter((safeguard) => !MET[safeguard](state)) : [];
}
