import type { ReferralEvent } from '@enlace/protocols';

type Payload = Record<string, unknown>;
const text = (payload: Payload, field: string): string => String(payload[field]);

/**
 * A message from the other end carries an event that end decided. It is applied here with the same evolve
 * function, which refuses (leaves the state unchanged) what the protocol does not allow and settles messages that
 * crossed on the way by the protocol's precedence — so both ends reach the same status.
 */
export function incomingEventFor(type: string, payload: Payload): ReferralEvent | undefined {
  const referralId = text(payload, 'referralId');
  switch (type) {
    case 'referral.accepted.v1':
      return { type: 'ReferralAccepted', data: { referralId, at: text(payload, 'acceptedAt') } };
    case 'referral.declined.v1':
      return {
        type: 'ReferralDeclined',
        data: { referralId, reason: text(payload, 'reason'), at: text(payload, 'declinedAt') },
      };
    case 'referral.information-requested.v1':
      return {
        type: 'InformationRequested',
        data: { referralId, question: text(payload, 'question'), at: text(payload, 'requestedAt') },
      };
    case 'referral.information-provided.v1':
      return {
        type: 'InformationProvided',
        data: { referralId, answer: text(payload, 'answer'), at: text(payload, 'providedAt') },
      };
    case 'referral.withdrawn.v1':
      return {
        type: 'ReferralWithdrawn',
        data: { referralId, reason: text(payload, 'reason'), at: text(payload, 'withdrawnAt') },
      };
    case 'referral.service-started.v1':
      return { type: 'ServiceStarted', data: { referralId, at: text(payload, 'startedAt') } };
    case 'referral.consent-withdrawn.v1':
      return { type: 'ConsentWithdrawn', data: { referralId, at: text(payload, 'at') } };
    case 'referral.expired.v1':
      return { type: 'ReferralExpired', data: { referralId, at: text(payload, 'expiredAt') } };
    case 'referral.closed.v1':
      return {
        type: 'ReferralClosed',
        data: {
          referralId,
          outcome: payload['outcome'] === 'successful' ? 'successful' : 'unsuccessful',
          ...(typeof payload['reason'] === 'string' ? { reason: payload['reason'] } : {}),
          at: text(payload, 'closedAt'),
        },
      };
    default:
      return undefined;
  }
}

/** The free note a message carries beside its event (an acceptance's note), for this end's timeline. */
export function incomingNoteFor(type: string, payload: Payload): string | undefined {
  const note = payload['note'];
  return type === 'referral.accepted.v1' && typeof note === 'string' && note.length > 0 ? note : undefined;
}

/** Which end decides each event that arrives in a message: the other end's. */
export function counterpartOf(side: 'sender' | 'receiver'): 'sender' | 'receiver' {
  return side === 'sender' ? 'receiver' : 'sender';
}
