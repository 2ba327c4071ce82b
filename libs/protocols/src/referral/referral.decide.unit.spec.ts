import { DeciderSpecification } from '../testing/decider-specification';
import {
  EXPECTED_COMMAND_TYPES,
  EXPECTED_ISSUERS,
  EXPECTED_TRANSITIONS,
  expectedTransition,
} from '../testing/referral.expectations';
import {
  AFTER_DUE,
  ANSWER_DUE_AT,
  BEFORE_DUE,
  CONSENT,
  DELIVERED_AT,
  DRAFTED_AT,
  ENVELOPE_ID,
  FROM_COUNTRY,
  REFERRAL_ID,
  referralEvents as e,
  SENT_AT,
  STATUSES_BY_SIDE,
  TO_COUNTRY,
  historyOf,
  validCommand,
} from '../testing/referral.fixtures';
import { ReferralCommand, ReferralCommandType } from './referral.commands';
import { decide } from './referral.decide';
import { ReferralEvent } from './referral.events';
import { evolve } from './referral.evolve';
import { ReferralRuleViolation, ReferralRuleViolationCode } from './referral-rule-violation.error';
import { REFERRAL_SIDES, ReferralSide, ReferralState, ReferralStatus } from './referral.state';
import { REFERRAL_COMMAND_TYPES } from './referral.transitions';

const specFor = (side: ReferralSide) =>
  DeciderSpecification.for<ReferralState | undefined, ReferralCommand, ReferralEvent>({
    decide: (state, command) => decide(state, command, side),
    evolve,
    initialState: () => undefined,
  });

const asSender = specFor('sender');
const asReceiver = specFor('receiver');
const referralId = REFERRAL_ID;

describe('decide', () => {
  describe('DraftReferral', () => {
    it('should draft the referral with its consent at the sender', () => {
      asSender([])
        .when(validCommand('DraftReferral'))
        .then([
          {
            type: 'ReferralDrafted',
            data: { referralId, fromCountry: FROM_COUNTRY, toCountry: TO_COUNTRY, consent: CONSENT, at: DRAFTED_AT },
          },
        ]);
    });
  });

  describe('SendReferral', () => {
    it('should send a draft whose consent covers the receiving country', () => {
      asSender(historyOf('draft', 'sender'))
        .when(validCommand('SendReferral'))
        .then([
          {
            type: 'ReferralSent',
            data: {
              referralId,
              fromCountry: FROM_COUNTRY,
              toCountry: TO_COUNTRY,
              answerDueAt: ANSWER_DUE_AT,
              at: SENT_AT,
            },
          },
        ]);
    });

    it('should send with consent that names no recipients and does not expire', () => {
      asSender([e.drafted({ purpose: 'referral', recordedAt: DRAFTED_AT })])
        .when(validCommand('SendReferral'))
        .then([e.sent()]);
    });

    it.each([
      ['has expired', { ...CONSENT, expiresAt: '2025-03-01T09:30:00.000Z' }],
      ['expires at the very instant of sending', { ...CONSENT, expiresAt: SENT_AT }],
      ['is recorded only after the sending', { ...CONSENT, recordedAt: '2025-03-02T00:00:00.000Z' }],
      ['does not name the receiving country', { ...CONSENT, recipients: ['PE', 'BO'] }],
      ['names no recipient at all', { ...CONSENT, recipients: [] }],
      ['has an unreadable recording time', { ...CONSENT, recordedAt: 'yesterday' }],
    ])('should refuse to send when the consent %s', (_case, consent) => {
      asSender([e.drafted(consent)])
        .when(validCommand('SendReferral'))
        .thenThrows('CONSENT_REQUIRED');
    });
  });

  describe('RecordDelivery', () => {
    it('should record the delivery receipt of a sent referral', () => {
      asSender(historyOf('sent', 'sender'))
        .when(validCommand('RecordDelivery'))
        .then([{ type: 'ReferralDelivered', data: { referralId, envelopeId: ENVELOPE_ID, at: DELIVERED_AT } }]);
    });

    it.each(
      EXPECTED_TRANSITIONS.filter((row) => row.command === 'RecordDelivery' && row.to === 'unchanged').map(
        (row) => row.from as ReferralStatus,
      ),
    )('should ignore a receipt that arrives when the referral is already %s', (status) => {
      asSender(historyOf(status, 'sender')).when(validCommand('RecordDelivery')).then([]);
    });
  });

  describe('ReceiveReferral', () => {
    it('should start the receiver as sent then delivered, like the sender', () => {
      asReceiver([])
        .when(validCommand('ReceiveReferral'))
        .then([
          {
            type: 'ReferralSent',
            data: {
              referralId,
              fromCountry: FROM_COUNTRY,
              toCountry: TO_COUNTRY,
              answerDueAt: ANSWER_DUE_AT,
              at: SENT_AT,
            },
          },
          { type: 'ReferralDelivered', data: { referralId, envelopeId: ENVELOPE_ID, at: DELIVERED_AT } },
        ]);
    });

    it('should date the sending at the arrival when the sent time is unknown', () => {
      asReceiver([])
        .when({
          type: 'ReceiveReferral',
          data: {
            referralId,
            fromCountry: FROM_COUNTRY,
            toCountry: TO_COUNTRY,
            answerDueAt: ANSWER_DUE_AT,
            at: DELIVERED_AT,
          },
        })
        .then([e.sent(DELIVERED_AT), { type: 'ReferralDelivered', data: { referralId, at: DELIVERED_AT } }]);
    });
  });

  describe('AcceptReferral', () => {
    it('should accept a delivered referral', () => {
      asReceiver(historyOf('delivered', 'receiver')).when(validCommand('AcceptReferral')).then([e.accepted()]);
    });
  });

  describe('DeclineReferral', () => {
    it('should decline a delivered referral with its reason', () => {
      asReceiver(historyOf('delivered', 'receiver')).when(validCommand('DeclineReferral')).then([e.declined()]);
    });

    it('should refuse a decline without a reason', () => {
      asReceiver(historyOf('delivered', 'receiver'))
        .when({ type: 'DeclineReferral', data: { reason: '  ', at: BEFORE_DUE } })
        .thenThrows('REASON_REQUIRED');
    });
  });

  describe('RequestInformation', () => {
    it('should ask the sender a question about a delivered referral', () => {
      asReceiver(historyOf('delivered', 'receiver'))
        .when(validCommand('RequestInformation'))
        .then([e.informationRequested()]);
    });
  });

  describe('ProvideInformation', () => {
    it('should answer the receiver when information is requested', () => {
      asSender(historyOf('info-requested', 'sender'))
        .when(validCommand('ProvideInformation'))
        .then([e.informationProvided()]);
    });

    it('should let the receiver answer again once the information arrived', () => {
      asReceiver([...historyOf('info-requested', 'receiver'), e.informationProvided()])
        .when(validCommand('AcceptReferral'))
        .then([e.accepted()]);
    });
  });

  describe('WithdrawReferral', () => {
    it.each(['sent', 'delivered', 'info-requested', 'accepted', 'in-service'] as const)(
      'should withdraw a referral that is %s',
      (status) => {
        asSender(historyOf(status, 'sender')).when(validCommand('WithdrawReferral')).then([e.withdrawn()]);
      },
    );

    it('should refuse a withdrawal without a reason', () => {
      asSender(historyOf('delivered', 'sender'))
        .when({ type: 'WithdrawReferral', data: { reason: '', at: BEFORE_DUE } })
        .thenThrows('REASON_REQUIRED');
    });
  });

  describe('WithdrawConsent', () => {
    it.each(['draft', 'sent', 'delivered', 'info-requested', 'accepted', 'in-service'] as const)(
      'should record the withdrawal of consent at the sender when the referral is %s',
      (status) => {
        asSender(historyOf(status, 'sender')).when(validCommand('WithdrawConsent')).then([e.consentWithdrawn()]);
      },
    );

    it.each(['sent', 'delivered', 'info-requested', 'accepted', 'in-service'] as const)(
      'should record the withdrawal of consent at the receiver when the referral is %s',
      (status) => {
        asReceiver(historyOf(status, 'receiver')).when(validCommand('WithdrawConsent')).then([e.consentWithdrawn()]);
      },
    );
  });

  describe('ExpireReferral', () => {
    it.each(['sent', 'delivered', 'info-requested'] as const)(
      'should expire an unanswered referral that is %s once the answer is due',
      (status) => {
        asSender(historyOf(status, 'sender')).when(validCommand('ExpireReferral')).then([e.expired()]);
      },
    );

    it('should expire at the very instant the answer is due', () => {
      asSender(historyOf('delivered', 'sender'))
        .when({ type: 'ExpireReferral', data: { at: ANSWER_DUE_AT } })
        .then([e.expired(ANSWER_DUE_AT)]);
    });

    it('should compare instants, not strings, across time zones', () => {
      // 11:00 at UTC+02:00 is 09:00Z, one hour before the answer is due.
      asSender(historyOf('delivered', 'sender'))
        .when({ type: 'ExpireReferral', data: { at: '2025-03-15T11:00:00+02:00' } })
        .thenThrows('NOT_DUE');
    });

    it('should refuse to expire before the answer is due', () => {
      asSender(historyOf('delivered', 'sender'))
        .when({ type: 'ExpireReferral', data: { at: BEFORE_DUE } })
        .thenThrows('NOT_DUE');
    });
  });

  describe('StartService', () => {
    it('should start the service of an accepted referral', () => {
      asReceiver(historyOf('accepted', 'receiver')).when(validCommand('StartService')).then([e.serviceStarted()]);
    });
  });

  describe('CloseReferral', () => {
    it('should close a referral in service with a successful outcome', () => {
      asReceiver(historyOf('in-service', 'receiver')).when(validCommand('CloseReferral')).then([e.closed()]);
    });

    it('should close an unsuccessful referral with its reason', () => {
      asReceiver(historyOf('in-service', 'receiver'))
        .when({ type: 'CloseReferral', data: { outcome: 'unsuccessful', reason: 'person moved on', at: BEFORE_DUE } })
        .then([
          {
            type: 'ReferralClosed',
            data: { referralId, outcome: 'unsuccessful', reason: 'person moved on', at: BEFORE_DUE },
          },
        ]);
    });

    it.each([undefined, '', '   '])('should refuse an unsuccessful outcome without a reason (%p)', (reason) => {
      asReceiver(historyOf('in-service', 'receiver'))
        .when({ type: 'CloseReferral', data: { outcome: 'unsuccessful', reason, at: BEFORE_DUE } })
        .thenThrows('REASON_REQUIRED');
    });
  });

  describe('every allowed transition', () => {
    const cases = EXPECTED_TRANSITIONS.flatMap((row) =>
      row.by
        .filter((side) => row.from === undefined || STATUSES_BY_SIDE[side].includes(row.from))
        .map((side) => {
          const course =
            row.to === 'unchanged' ? `leave ${row.from} as it is` : `move ${row.from ?? '(none)'} to ${row.to}`;
          return [row.command, side, course, row.to, row.from] as const;
        }),
    );

    it.each(cases)('should let %s by the %s %s', (command, side, _course, to, from) => {
      const state = from === undefined ? undefined : historyOf(from, side).reduce(evolve, undefined);
      const events = decide(state, validCommand(command), side);
      const next = events.reduce(evolve, state);

      expect(next?.status).toBe(to === 'unchanged' ? from : to);
      expect(events.length === 0).toBe(to === 'unchanged');
    });
  });

  describe('every forbidden combination', () => {
    const expectedCode = (
      command: ReferralCommandType,
      side: ReferralSide,
      status: ReferralStatus | undefined,
    ): ReferralRuleViolationCode => {
      const creates = command === 'DraftReferral' || command === 'ReceiveReferral';
      if (status === undefined && !creates) return 'NOT_FOUND';
      if (status !== undefined && creates) return 'ALREADY_EXISTS';
      if (!EXPECTED_ISSUERS[command].includes(side)) return 'WRONG_SIDE';
      return 'TRANSITION_NOT_ALLOWED';
    };
    // Every (status, command, issuing side) the design does not allow, on a replica of either end (no status:
    // no replica yet). The replica's end plays no part in the decision, so both must refuse alike.
    const forbidden = REFERRAL_SIDES.flatMap((replica) =>
      [undefined, ...STATUSES_BY_SIDE[replica]].flatMap((status) =>
        REFERRAL_SIDES.flatMap((side) =>
          EXPECTED_COMMAND_TYPES.filter((command) => !expectedTransition(command, side, status)).map(
            (command) =>
              [command, side, status ?? '(none)', replica, expectedCode(command, side, status), status] as const,
          ),
        ),
      ),
    );

    it('should cover every command the protocol knows', () => {
      expect([...EXPECTED_COMMAND_TYPES].sort()).toEqual([...REFERRAL_COMMAND_TYPES].sort());
    });

    it.each(forbidden)(
      'should refuse %s by the %s when %s on the %s replica with %s',
      (command, side, _shown, replica, code, status) => {
        const spec = side === 'sender' ? asSender : asReceiver;
        spec(status === undefined ? [] : historyOf(status, replica))
          .when(validCommand(command))
          .thenThrows(code);
      },
    );
  });

  describe('a command replayed on the other end', () => {
    // A node may replay the command a message carried on its own replica; the decision must be the one the
    // issuing end made on its replica, so both record the same events.
    const heldByBothEnds = (status: ReferralStatus | undefined): status is ReferralStatus =>
      status !== undefined && REFERRAL_SIDES.every((side) => STATUSES_BY_SIDE[side].includes(status));
    const replays = EXPECTED_TRANSITIONS.filter(
      (row) => heldByBothEnds(row.from) && row.to !== 'unchanged' && row.command !== 'RecordDelivery',
    ).flatMap((row) => row.by.map((issuer) => [row.command, issuer, row.from as ReferralStatus] as const));

    it.each(replays)('should decide %s by the %s alike on both replicas when %s', (command, issuer, status) => {
      const counterpart: ReferralSide = issuer === 'sender' ? 'receiver' : 'sender';
      const own = historyOf(status, issuer).reduce<ReferralState | undefined>(evolve, undefined);
      const other = historyOf(status, counterpart).reduce<ReferralState | undefined>(evolve, undefined);

      expect(decide(other, validCommand(command), issuer)).toEqual(decide(own, validCommand(command), issuer));
    });
  });

  describe('ReferralRuleViolation', () => {
    const thrownBy = (run: () => unknown): unknown => {
      try {
        run();
      } catch (error: unknown) {
        return error;
      }
      return undefined;
    };

    it('should carry the rule, the status and the command', () => {
      const state = historyOf('in-service', 'receiver').reduce(evolve, undefined);
      const close: ReferralCommand = { type: 'CloseReferral', data: { outcome: 'unsuccessful', at: AFTER_DUE } };

      const thrown = thrownBy(() => decide(state, close, 'receiver'));

      expect(thrown).toBeInstanceOf(ReferralRuleViolation);
      expect(thrown).toMatchObject({ code: 'REASON_REQUIRED', status: 'in-service', commandType: 'CloseReferral' });
    });

    it('should name none of the data the command carried', () => {
      const state = historyOf('in-service', 'receiver').reduce(evolve, undefined);
      const secret = 'the person was found again by the recruiter';
      const decline: ReferralCommand = { type: 'DeclineReferral', data: { reason: secret, at: AFTER_DUE } };

      const thrown = thrownBy(() => decide(state, decline, 'receiver')) as ReferralRuleViolation;

      expect(thrown.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(thrown.message).not.toContain(secret);
      expect(thrown.message).not.toContain(REFERRAL_ID);
    });
  });
});
