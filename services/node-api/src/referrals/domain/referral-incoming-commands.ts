import type { ReferralCommand, ReferralSide } from '@enlace/protocols';

/**
 * A message from the other end is the command that end decided; replaying it here through the same decide
 * function on that end's behalf yields the same events at both ends — and refuses what the protocol forbids.
 */
export interface IncomingCommand {
  readonly command: ReferralCommand;
  readonly side: ReferralSide;
}

type Payload = Record<string, unknown>;
const text = (payload: Payload, field: string): string => String(payload[field]);

export function incomingCommandFor(type: string, payload: Payload): IncomingCommand | undefined {
  switch (type) {
    case 'referral.accepted.v1':
      return { side: 'receiver', command: { type: 'AcceptReferral', data: { at: text(payload, 'acceptedAt') } } };
    case 'referral.declined.v1':
      return {
        side: 'receiver',
        command: {
          type: 'DeclineReferral',
          data: { reason: text(payload, 'reason'), at: text(payload, 'declinedAt') },
        },
      };
    case 'referral.information-requested.v1':
      return {
        side: 'receiver',
        command: {
          type: 'RequestInformation',
          data: { question: text(payload, 'question'), at: text(payload, 'requestedAt') },
        },
      };
    case 'referral.information-provided.v1':
      return {
        side: 'sender',
        command: {
          type: 'ProvideInformation',
          data: { answer: text(payload, 'answer'), at: text(payload, 'providedAt') },
        },
      };
    case 'referral.withdrawn.v1':
      return {
        side: 'sender',
        command: {
          type: 'WithdrawReferral',
          data: { reason: text(payload, 'reason'), at: text(payload, 'withdrawnAt') },
        },
      };
    case 'referral.closed.v1':
      return {
        side: 'receiver',
        command: {
          type: 'CloseReferral',
          data: {
            outcome: payload['outcome'] === 'successful' ? 'successful' : 'unsuccessful',
            ...(typeof payload['reason'] === 'string' ? { reason: payload['reason'] } : {}),
            at: text(payload, 'closedAt'),
          },
        },
      };
    default:
      return undefined;
  }
}
