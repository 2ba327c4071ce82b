import type { ReferralEvent } from '@enlace/protocols';

/**
 * The free text a step came with, for the case's timeline at both ends: a reason, a question and its answer, a note
 * with an acceptance, an outcome. It is part of the case (shown to this node's users), so it is kept — and, being
 * what a case worker wrote, never logged.
 */
export function timelineDetailFor(event: ReferralEvent, note?: string): string | undefined {
  switch (event.type) {
    case 'ReferralAccepted':
      return note;
    case 'ReferralDeclined':
    case 'ReferralWithdrawn':
      return event.data.reason;
    case 'InformationRequested':
      return event.data.question;
    case 'InformationProvided':
      return event.data.answer;
    case 'ReferralClosed':
      return event.data.reason ? `${event.data.outcome}: ${event.data.reason}` : event.data.outcome;
    default:
      return undefined;
  }
}
