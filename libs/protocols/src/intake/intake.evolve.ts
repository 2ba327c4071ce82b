import { OrphanProtocolEvent } from '../shared/orphan-protocol-event.error';
import type { IntakeEvent } from './intake.events';
import type { IntakeState } from './intake.state';

/** The intake after an event; pure, and total over the events `decideIntake` produces. */
export function evolveIntake(state: IntakeState | undefined, event: IntakeEvent): IntakeState {
  if (event.type === 'IntakeRecorded') {
    return { intakeId: event.data.intakeId, status: 'recorded', recordedAt: event.data.at };
  }
  if (!state) throw new OrphanProtocolEvent('Intake', event.type);
  switch (event.type) {
    case 'IntakeScreened': {
      const { outcome, reason, at } = event.data;
      return { ...state, status: outcome, screening: { outcome, ...(reason ? { reason } : {}), at } };
    }
    case 'IntakeConverted': {
      const { protocol, caseId, at } = event.data;
      return { ...state, status: 'converted', conversion: { protocol, caseId, at } };
    }
    case 'IntakeMerged': {
      const { protocol, caseId, at } = event.data;
      return { ...state, status: 'merged', conversion: { protocol, caseId, at } };
    }
    case 'IntakeErased': {
      // The screening's reason went with the data: it may have named the person.
      const { screening } = state;
      return {
        ...state,
        ...(screening ? { screening: { outcome: screening.outcome, at: screening.at } } : {}),
        erasedAt: event.data.at,
      };
    }
  }
}
