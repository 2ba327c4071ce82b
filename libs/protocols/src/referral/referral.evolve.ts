import { OrphanProtocolEvent } from '../shared/orphan-protocol-event.error';
import { ReferralEvent } from './referral.events';
import { ReferralState, ReferralStatus } from './referral.state';

type Change = Partial<Omit<ReferralState, 'referralId' | 'side' | 'fromCountry' | 'toCountry'>>;

// The ends decide independently and their messages can cross on the way (the sender withdraws while the
// receiver accepts). So that both replicas still end in the same status whatever order they see the two
// streams in, evolve resolves a crossing by precedence instead of by the usual graph:
//   consent withdrawal (either end) > the sender's withdrawal or expiry > anything else.
// A crossing event therefore also applies from statuses decide() would refuse it in.
const SENDER_ENDINGS_OVERRIDE: readonly ReferralStatus[] = [
  'sent',
  'delivered',
  'info-requested',
  'accepted',
  'in-service',
  'declined',
  'closed',
];
// The receiver's answer may overtake the sender's delivery receipt, so it applies from `sent` too.
const ANSWERABLE: readonly ReferralStatus[] = ['sent', 'delivered'];

/**
 * Applies one event to one end's replica. Pure, and total over every status: an event that does not apply to
 * the current status (a duplicate, a receipt after the answer, an answer after the sender withdrew) leaves
 * the state as it is. Applying the other end's events, as they arrive in messages, brings both replicas to the
 * same status.
 */
export function evolve(state: ReferralState | undefined, event: ReferralEvent): ReferralState {
  if (!state) {
    return startReplica(event);
  }
  const change = changeFor(state.status, event);
  return change ? { ...state, ...change, lastChangedAt: event.data.at } : state;
}

function startReplica(event: ReferralEvent): ReferralState {
  switch (event.type) {
    case 'ReferralDrafted': {
      const { referralId, fromCountry, toCountry, consent, at } = event.data;
      return { referralId, side: 'sender', fromCountry, toCountry, status: 'draft', consent, lastChangedAt: at };
    }
    case 'ReferralSent': {
      // Only the receiver's stream starts with the referral already sent.
      const { referralId, fromCountry, toCountry, answerDueAt, at } = event.data;
      return { referralId, side: 'receiver', fromCountry, toCountry, status: 'sent', answerDueAt, lastChangedAt: at };
    }
    default:
      throw new OrphanProtocolEvent('Referral', event.type);
  }
}

function changeFor(status: ReferralStatus, event: ReferralEvent): Change | undefined {
  switch (event.type) {
    case 'ReferralDrafted':
      return undefined;
    case 'ReferralSent':
      return status === 'draft' ? { status: 'sent', answerDueAt: event.data.answerDueAt } : undefined;
    case 'ReferralDelivered':
      return status === 'sent' ? { status: 'delivered' } : undefined;
    case 'ReferralAccepted':
      return ANSWERABLE.includes(status) ? { status: 'accepted' } : undefined;
    case 'ReferralDeclined':
      return ANSWERABLE.includes(status) ? { status: 'declined', declineReason: event.data.reason } : undefined;
    case 'InformationRequested':
      return ANSWERABLE.includes(status)
        ? { status: 'info-requested', informationRequest: event.data.question }
        : undefined;
    case 'InformationProvided':
      // The answer travels on the channel that delivered the referral, so the referral is delivered again.
      return status === 'info-requested' ? { status: 'delivered', informationRequest: undefined } : undefined;
    case 'ReferralWithdrawn':
      return SENDER_ENDINGS_OVERRIDE.includes(status)
        ? { status: 'withdrawn', withdrawalReason: event.data.reason }
        : undefined;
    case 'ReferralExpired':
      return SENDER_ENDINGS_OVERRIDE.includes(status) ? { status: 'expired' } : undefined;
    case 'ConsentWithdrawn':
      return status === 'consent-withdrawn' ? undefined : { status: 'consent-withdrawn' };
    case 'ServiceStarted':
      return status === 'accepted' ? { status: 'in-service' } : undefined;
    case 'ReferralClosed': {
      const { outcome, reason } = event.data;
      return status === 'in-service'
        ? { status: 'closed', outcome: { result: outcome, ...(reason ? { reason } : {}) } }
        : undefined;
    }
  }
}
