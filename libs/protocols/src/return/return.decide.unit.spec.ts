import { DeciderSpecification } from '../testing/decider-specification';
import {
  EXPECTED_COMMAND_TYPES,
  EXPECTED_TRANSITIONS,
  expectedRefusal,
  expectedTransitions,
} from '../testing/return.expectations';
import {
  ANSWER_DUE_AT,
  CONSENT,
  DECIDED_AT,
  DELIVERED_AT,
  ENVELOPE_ID,
  FROM_COUNTRY,
  NEXT_DUE_AT,
  REQUESTED_AT,
  RETURN_ID,
  RETURN_KINDS,
  ReturnKind,
  SAFEGUARDS_MET,
  STATUSES_BY_KIND,
  STEP_AT,
  TO_COUNTRY,
  TRAVEL_DATE,
  historyOf,
  returnEvents as e,
  validCommand,
} from '../testing/return.fixtures';
import { RequestReturn, ReturnCommand } from './return.commands';
import { decideReturn } from './return.decide';
import { ReturnEvent } from './return.events';
import { evolveReturn } from './return.evolve';
import { ReturnRuleViolation } from './return-rule-violation.error';
import { RETURN_SIDES, ReturnSide, ReturnState, ReturnStatus } from './return.state';
import { RETURN_COMMAND_TYPES } from './return.transitions';

const specFor = (side: ReturnSide) =>
  DeciderSpecification.for<ReturnState | undefined, ReturnCommand, ReturnEvent>({
    decide: (state, command) => decideReturn(state, command, side),
    evolve: evolveReturn,
    initialState: () => undefined,
  });

const asSender = specFor('sender');
const asReceiver = specFor('receiver');
const returnId = RETURN_ID;

const stateOf = (events: ReturnEvent[]): ReturnState =>
  events.reduce<ReturnState | undefined>(evolveReturn, undefined) as ReturnState;

const requestWith = (data: Partial<RequestReturn['data']>): RequestReturn => {
  const command = validCommand('RequestReturn') as RequestReturn;
  return { type: 'RequestReturn', data: { ...command.data, ...data } };
};

describe('decideReturn', () => {
  describe('RequestReturn', () => {
    it("should request the return after the person's informed decision, with consent for the receiver", () => {
      asSender([])
        .when(validCommand('RequestReturn'))
        .then([
          {
            type: 'ReturnRequested',
            data: {
              returnId,
              fromCountry: FROM_COUNTRY,
              toCountry: TO_COUNTRY,
              isChild: false,
              unaccompanied: false,
              answerDueAt: ANSWER_DUE_AT,
              informedDecisionRecordedAt: DECIDED_AT,
              consent: CONSENT,
              at: REQUESTED_AT,
            },
          },
        ]);
    });

    it('should request the return of an unaccompanied child', () => {
      asSender([])
        .when(validCommand('RequestReturn', 'child'))
        .then([e.requested('child')]);
    });

    it.each([
      ['is not recorded', undefined],
      ['is recorded only after the request', '2025-04-02T00:00:00.000Z'],
      ['cannot be dated', 'a while ago'],
    ])("should refuse a request when the person's informed decision %s", (_case, informedDecisionRecordedAt) => {
      asSender([]).when(requestWith({ informedDecisionRecordedAt })).thenThrows('INFORMED_DECISION_REQUIRED');
    });

    it.each([
      ['is missing', undefined],
      ['has expired', { ...CONSENT, expiresAt: '2025-03-31T00:00:00.000Z' }],
      ['does not name the receiving country', { ...CONSENT, recipients: ['PE'] }],
      ['is recorded only after the request', { ...CONSENT, recordedAt: '2025-04-02T00:00:00.000Z' }],
    ])('should refuse a request when the consent %s', (_case, consent) => {
      asSender([]).when(requestWith({ consent })).thenThrows('CONSENT_REQUIRED');
    });

    it('should refuse to mark an adult as unaccompanied', () => {
      asSender([])
        .when(requestWith({ unaccompanied: true }))
        .thenThrows('NOT_APPLICABLE');
    });

    it.each([
      ['in the past', '2025-03-31T00:00:00.000Z'],
      ['unreadable', 'in two weeks'],
    ])('should refuse an answer due time that is %s', (_case, answerDueAt) => {
      asSender([]).when(requestWith({ answerDueAt })).thenThrows('DUE_TIME_INVALID');
    });
  });

  describe('ReceiveReturnRequest', () => {
    it('should start the receiver with the request as the sender recorded it, and its arrival', () => {
      asReceiver([])
        .when(validCommand('ReceiveReturnRequest', 'child'))
        .then([e.received('child')]);
    });

    it('should date the request at the arrival when the sent time is unknown', () => {
      const {
        requestedAt: _requestedAt,
        envelopeId: _envelopeId,
        ...data
      } = (validCommand('ReceiveReturnRequest') as Extract<ReturnCommand, { type: 'ReceiveReturnRequest' }>).data;
      asReceiver([])
        .when({ type: 'ReceiveReturnRequest', data })
        .then([
          {
            type: 'ReturnRequestReceived',
            data: { ...data, consent: CONSENT, requestedAt: DELIVERED_AT, at: DELIVERED_AT },
          },
        ]);
    });
  });

  describe('RecordReturnDelivery', () => {
    it('should record the first delivery receipt', () => {
      asSender([e.requested()]).when(validCommand('RecordReturnDelivery')).then([e.delivered()]);
    });

    it('should record a receipt that the answer overtook', () => {
      asSender([e.requested(), e.nationalityConfirmed()])
        .when(validCommand('RecordReturnDelivery'))
        .then([e.delivered()]);
    });

    it('should ignore a second receipt', () => {
      asSender(historyOf('requested', 'sender')).when(validCommand('RecordReturnDelivery')).then([]);
    });
  });

  describe('VerifyNationality', () => {
    it('should confirm the nationality, with the due time of the next step', () => {
      asReceiver(historyOf('requested', 'receiver'))
        .when(validCommand('VerifyNationality'))
        .then([e.nationalityConfirmed()]);
    });

    it('should end the return when the nationality is not confirmed', () => {
      asReceiver(historyOf('requested', 'receiver'))
        .when(validCommand('VerifyNationality', 'adult', 'negative'))
        .then([e.nationalityNotConfirmed()]);
    });

    it('should refuse an unconfirmed nationality without a reason', () => {
      asReceiver(historyOf('requested', 'receiver'))
        .when({ type: 'VerifyNationality', data: { outcome: 'not-confirmed', reason: ' ', at: STEP_AT } })
        .thenThrows('REASON_REQUIRED');
    });

    it('should refuse a next due time before the step', () => {
      asReceiver(historyOf('requested', 'receiver'))
        .when({ type: 'VerifyNationality', data: { outcome: 'confirmed', nextDueAt: REQUESTED_AT, at: STEP_AT } })
        .thenThrows('DUE_TIME_INVALID');
    });
  });

  describe('RecordRiskAssessment', () => {
    it.each(RETURN_SIDES)('should let the %s record the joint assessment as safe', (side) => {
      specFor(side)(historyOf('nationality-verified', side))
        .when(validCommand('RecordRiskAssessment'))
        .then([e.safe()]);
    });

    it('should bar the return when it is not safe', () => {
      asSender(historyOf('nationality-verified', 'sender'))
        .when(validCommand('RecordRiskAssessment', 'adult', 'negative'))
        .then([e.notSafe()]);
    });

    it('should refuse a danger found without a reason', () => {
      asSender(historyOf('nationality-verified', 'sender'))
        .when({ type: 'RecordRiskAssessment', data: { result: 'not-safe', at: STEP_AT } })
        .thenThrows('REASON_REQUIRED');
    });
  });

  describe('the child safeguards', () => {
    const assessed = historyOf('risk-assessed', 'sender', 'child');

    it('should appoint a guardian', () => {
      asSender(assessed).when(validCommand('AppointGuardian', 'child')).then([e.guardianAppointed()]);
    });

    it.each([
      ['best-interests determination', 'RecordBestInterestsDetermination', 'sender', e.bestInterestsAgainst()],
      ['family assessment', 'RecordFamilyAssessment', 'receiver', e.familyUnsuitable()],
    ] as const)('should let a negative %s bar the return', (_safeguard, command, side, barring) => {
      const state = stateOf(historyOf('risk-assessed', side, 'child'));
      const events = decideReturn(state, validCommand(command, 'child', 'negative'), side);

      expect(events).toEqual([barring]);
      expect(events.reduce(evolveReturn, state)).toMatchObject({ status: 'barred' });
    });

    it.each([
      ['RecordBestInterestsDetermination', 'sender'],
      ['RecordFamilyAssessment', 'receiver'],
    ] as const)('should refuse a negative %s without a reason', (command, side) => {
      const result = command === 'RecordFamilyAssessment' ? 'unsuitable' : 'against';
      specFor(side)(historyOf('risk-assessed', side, 'child'))
        .when({ type: command, data: { result, at: STEP_AT } } as ReturnCommand)
        .thenThrows('REASON_REQUIRED');
    });

    it.each([
      ['AppointGuardian', 'sender', e.guardianAppointed()],
      ['RecordBestInterestsDetermination', 'sender', e.bestInterestsInFavour()],
      ['RecordFamilyAssessment', 'receiver', e.familySuitable()],
    ] as const)('should refuse to record %s a second time', (command, side, recorded) => {
      specFor(side)([...historyOf('risk-assessed', side, 'child'), recorded])
        .when(validCommand(command, 'child'))
        .thenThrows('SAFEGUARD_ALREADY_RECORDED');
    });

    it.each([
      ['AppointGuardian', 'sender'],
      ['RecordBestInterestsDetermination', 'sender'],
      ['RecordFamilyAssessment', 'receiver'],
    ] as const)('should refuse %s for an adult', (command, side) => {
      specFor(side)(historyOf('risk-assessed', side, 'adult'))
        .when(validCommand(command, 'child'))
        .thenThrows('NOT_APPLICABLE');
    });

    describe('before the reception plan', () => {
      const [guardian, bestInterests, family] = [e.guardianAppointed(), e.bestInterestsInFavour(), e.familySuitable()];
      const proposeAfter = (met: ReturnEvent[]) => () =>
        decideReturn(
          stateOf([...historyOf('risk-assessed', 'receiver', 'child'), ...met]),
          validCommand('ProposeReceptionPlan'),
          'receiver',
        );

      it.each([
        ['none is met', [], 'guardian, best-interests, family-assessment'],
        ['only the guardian is appointed', [guardian], 'best-interests, family-assessment'],
        ['the family assessment is still missing', [guardian, bestInterests], 'family-assessment'],
        ['the guardian is still missing', [bestInterests, family], 'guardian'],
        ['the best-interests determination is still missing', [family, guardian], 'best-interests'],
      ])('should refuse the plan while %s, naming what is missing', (_case, met, missing) => {
        expect(proposeAfter(met)).toThrow(expect.objectContaining({ code: 'CHILD_SAFEGUARD_MISSING' }));
        expect(proposeAfter(met)).toThrow(`missing: ${missing}`);
      });

      it.each([
        ['guardian, best interests, family', [guardian, bestInterests, family]],
        ['family, best interests, guardian', [family, bestInterests, guardian]],
        ['best interests, guardian, family', [bestInterests, guardian, family]],
      ])('should propose the plan once all three are met, in any order (%s)', (_order, met) => {
        expect(proposeAfter(met)()).toEqual([e.planProposed()]);
      });
    });
  });

  describe('ProposeReceptionPlan', () => {
    it("should propose the plan for an adult's return once risk-assessed", () => {
      asReceiver(historyOf('risk-assessed', 'receiver'))
        .when(validCommand('ProposeReceptionPlan'))
        .then([e.planProposed()]);
    });
  });

  describe('ConfirmReceptionPlan and RejectReceptionPlan', () => {
    it('should confirm the proposed plan', () => {
      asSender(historyOf('plan-proposed', 'sender'))
        .when(validCommand('ConfirmReceptionPlan'))
        .then([e.planConfirmed()]);
    });

    it('should send the plan back with a reason', () => {
      asSender(historyOf('plan-proposed', 'sender')).when(validCommand('RejectReceptionPlan')).then([e.planRejected()]);
    });

    it('should refuse to send the plan back without a reason', () => {
      asSender(historyOf('plan-proposed', 'sender'))
        .when({ type: 'RejectReceptionPlan', data: { reason: '', at: STEP_AT } })
        .thenThrows('REASON_REQUIRED');
    });

    it('should let the receiver propose again once the plan is sent back', () => {
      asReceiver([...historyOf('plan-proposed', 'receiver'), e.planRejected()])
        .when(validCommand('ProposeReceptionPlan'))
        .then([e.planProposed()]);
    });
  });

  describe('IssueTravelDocuments', () => {
    it('should issue the travel documents for a confirmed plan', () => {
      asReceiver(historyOf('plan-confirmed', 'receiver'))
        .when(validCommand('IssueTravelDocuments'))
        .then([e.documentsIssued()]);
    });
  });

  describe('ScheduleTravel', () => {
    const schedule = (data: Partial<Extract<ReturnCommand, { type: 'ScheduleTravel' }>['data']>): ReturnCommand => {
      const { data: valid } = validCommand('ScheduleTravel') as Extract<ReturnCommand, { type: 'ScheduleTravel' }>;
      return { type: 'ScheduleTravel', data: { ...valid, ...data } };
    };
    const withoutEscort = schedule({ escort: undefined });

    it.each(['documents-issued', 'travel-scheduled', 'no-show'] as const)(
      'should schedule the journey when the return is %s',
      (status) => {
        asSender(historyOf(status, 'sender', 'child'))
          .when(validCommand('ScheduleTravel'))
          .then([e.travelScheduled()]);
      },
    );

    it('should refuse to schedule the journey of an unaccompanied child without an escort', () => {
      asSender(historyOf('documents-issued', 'sender', 'child'))
        .when(withoutEscort)
        .thenThrows('ESCORT_REQUIRED');
    });

    it('should refuse to reschedule the journey of an unaccompanied child without an escort', () => {
      asSender(historyOf('no-show', 'sender', 'child'))
        .when(withoutEscort)
        .thenThrows('ESCORT_REQUIRED');
    });

    it('should schedule the journey of an adult without an escort', () => {
      asSender(historyOf('documents-issued', 'sender'))
        .when(withoutEscort)
        .then([
          {
            type: 'TravelScheduled',
            data: { returnId, travelDate: TRAVEL_DATE, route: 'EZE-VVI by air', nextDueAt: NEXT_DUE_AT, at: STEP_AT },
          },
        ]);
    });

    it('should schedule the journey of an accompanied child without an escort', () => {
      const accompanied = historyOf('documents-issued', 'sender', 'child').map((event) =>
        event.type === 'ReturnRequested' ? { ...event, data: { ...event.data, unaccompanied: false } } : event,
      );
      asSender(accompanied)
        .when(withoutEscort)
        .then([
          {
            type: 'TravelScheduled',
            data: { returnId, travelDate: TRAVEL_DATE, route: 'EZE-VVI by air', nextDueAt: NEXT_DUE_AT, at: STEP_AT },
          },
        ]);
    });

    it('should keep only the role and the organisation of the escort', () => {
      const escort = { role: 'guardian', organisation: ' legal guardianship office ', name: 'someone' } as never;
      const [event] = decideReturn(
        stateOf(historyOf('documents-issued', 'sender', 'child')),
        schedule({ escort }),
        'sender',
      );

      expect(event?.data).toMatchObject({ escort: { role: 'guardian', organisation: 'legal guardianship office' } });
      expect(JSON.stringify(event)).not.toContain('someone');
    });

    it.each([
      ['no route', { route: '  ' }],
      ['a travel date in the past', { travelDate: '2025-04-01T00:00:00.000Z' }],
      ['an unreadable travel date', { travelDate: 'next month' }],
    ])('should refuse a journey with %s', (_case, data) => {
      asSender(historyOf('documents-issued', 'sender')).when(schedule(data)).thenThrows('TRAVEL_DETAILS_REQUIRED');
    });
  });

  describe('RecordDeparture, RecordNoShow, RecordArrival and HandOverToReintegration', () => {
    it('should record the departure of a scheduled journey', () => {
      asSender(historyOf('travel-scheduled', 'sender', 'child'))
        .when(validCommand('RecordDeparture'))
        .then([e.departed()]);
    });

    it('should record that the person did not come', () => {
      asSender(historyOf('travel-scheduled', 'sender')).when(validCommand('RecordNoShow')).then([e.noShow()]);
    });

    it('should record the arrival', () => {
      asReceiver(historyOf('departed', 'receiver')).when(validCommand('RecordArrival')).then([e.arrived()]);
    });

    it('should hand the person over to reintegration', () => {
      asReceiver(historyOf('arrived', 'receiver')).when(validCommand('HandOverToReintegration')).then([e.handedOver()]);
    });

    it('should refuse the departure of an unaccompanied child whose journey has no escort, however it came to be', () => {
      const state = stateOf(historyOf('travel-scheduled', 'sender', 'child'));
      const unescorted: ReturnState = {
        ...state,
        travel: { travelDate: TRAVEL_DATE, route: 'EZE-VVI by air', scheduledAt: STEP_AT },
      };

      expect(() => decideReturn(unescorted, validCommand('RecordDeparture'), 'sender')).toThrow(
        expect.objectContaining({ code: 'ESCORT_REQUIRED' }),
      );
    });

    it('should refuse the departure of a child whose safeguards are not all met, however it came to be', () => {
      const state = stateOf(historyOf('travel-scheduled', 'sender', 'child'));
      const unguarded: ReturnState = { ...state, guardianAppointedAt: undefined };

      expect(() => decideReturn(unguarded, validCommand('RecordDeparture'), 'sender')).toThrow(
        expect.objectContaining({ code: 'CHILD_SAFEGUARD_MISSING' }),
      );
    });
  });

  describe('SuspendReturn and ResumeReturn', () => {
    it.each(RETURN_SIDES)('should let the %s suspend the return with a reason', (side) => {
      specFor(side)(historyOf('documents-issued', side))
        .when(validCommand('SuspendReturn'))
        .then([e.suspended(side)]);
    });

    it('should refuse a suspension without a reason', () => {
      asReceiver(historyOf('documents-issued', 'receiver'))
        .when({ type: 'SuspendReturn', data: { reason: '', at: STEP_AT } })
        .thenThrows('REASON_REQUIRED');
    });

    it('should let the end that suspended resume', () => {
      asSender(historyOf('suspended', 'receiver'))
        .when(validCommand('ResumeReturn'))
        .then([e.resumed('sender')]);
    });

    it('should refuse a resumption by the end that did not suspend', () => {
      asReceiver(historyOf('suspended', 'receiver')).when(validCommand('ResumeReturn')).thenThrows('WRONG_SIDE');
    });

    it('should let the other end add its own hold, and refuse a second hold by the same end', () => {
      asReceiver(historyOf('suspended', 'receiver'))
        .when(validCommand('SuspendReturn'))
        .then([e.suspended('receiver')]);
      asSender(historyOf('suspended', 'sender'))
        .when(validCommand('SuspendReturn'))
        .thenThrows('TRANSITION_NOT_ALLOWED');
    });

    it('should refuse a suspension once the person has left', () => {
      asReceiver(historyOf('departed', 'receiver'))
        .when(validCommand('SuspendReturn'))
        .thenThrows('TRANSITION_NOT_ALLOWED');
    });
  });

  describe('CancelReturnByPerson and WithdrawReturnConsent', () => {
    it('should cancel the return when the person changes their mind', () => {
      asSender(historyOf('suspended', 'sender')).when(validCommand('CancelReturnByPerson')).then([e.cancelled()]);
    });

    it('should cancel without a reason: the person owes none', () => {
      asSender(historyOf('requested', 'sender'))
        .when({ type: 'CancelReturnByPerson', data: { at: STEP_AT } })
        .then([{ type: 'ReturnCancelledByPerson', data: { returnId, at: STEP_AT } }]);
    });

    it('should refuse a cancellation once the person has left', () => {
      asSender(historyOf('departed', 'sender'))
        .when(validCommand('CancelReturnByPerson'))
        .thenThrows('TRANSITION_NOT_ALLOWED');
    });

    it.each(RETURN_SIDES)('should let the %s record the withdrawal of consent even after departure', (side) => {
      specFor(side)(historyOf('arrived', side))
        .when(validCommand('WithdrawReturnConsent'))
        .then([e.consentWithdrawn()]);
    });
  });

  describe('every allowed transition', () => {
    const cases = RETURN_KINDS.flatMap((kind) =>
      EXPECTED_TRANSITIONS.filter((row) => !row.childOnly || kind === 'child').flatMap((row) =>
        row.by
          .filter(() => row.from === undefined || STATUSES_BY_KIND[kind].includes(row.from))
          .filter(() => !(row.to === 'barred' && kind === 'adult'))
          .map((side) => {
            const course =
              row.to === 'unchanged' ? `leave ${row.from} as it is` : `move ${row.from ?? '(none)'} to ${row.to}`;
            return [row.command, row.variant, side, kind, course, row.to, row.from] as const;
          }),
      ),
    );

    it.each(cases)(
      'should let %s (%s) by the %s of the return of an %s %s',
      (command, variant, side, kind, _course, to, from) => {
        const history = from === undefined ? [] : historyOf(from, side, kind);
        // A child's plan needs its safeguards met first (tested on its own above).
        const ready =
          command === 'ProposeReceptionPlan' && kind === 'child' ? [...history, ...SAFEGUARDS_MET] : history;
        const state = ready.length === 0 ? undefined : stateOf(ready);
        const events = decideReturn(state, validCommand(command, kind, variant), side);
        const after = events.reduce<ReturnState | undefined>(evolveReturn, state);

        expect(after?.status).toBe(to === 'unchanged' ? from : to);
        expect(events.length === 0).toBe(to === 'unchanged');
      },
    );
  });

  describe('every forbidden combination', () => {
    // Every (status, command, issuing side) the design does not allow, for an adult and for an unaccompanied
    // child, on a replica of either end (no status: no replica yet). The replica's end plays no part in the
    // decision, so both must refuse alike.
    const forbidden = RETURN_KINDS.flatMap((kind) =>
      RETURN_SIDES.flatMap((replica) =>
        [undefined, ...STATUSES_BY_KIND[kind]].flatMap((status) =>
          RETURN_SIDES.flatMap((side) =>
            EXPECTED_COMMAND_TYPES.filter(
              (command) => expectedTransitions(command, side, status, kind).length === 0,
            ).map(
              (command) =>
                [
                  command,
                  side,
                  status ?? '(none)',
                  kind,
                  replica,
                  expectedRefusal(command, side, status, kind),
                  status,
                ] as const,
            ),
          ),
        ),
      ),
    );

    it('should cover every command the protocol knows', () => {
      expect([...EXPECTED_COMMAND_TYPES].sort()).toEqual([...RETURN_COMMAND_TYPES].sort());
    });

    it.each(forbidden)(
      'should refuse %s by the %s when %s (%s, %s replica) with %s',
      (command, side, _shown, kind, replica, code, status) => {
        specFor(side)(status === undefined ? [] : historyOf(status, replica, kind))
          .when(validCommand(command, kind))
          .thenThrows(code);
      },
    );
  });

  describe('a command replayed on the other end', () => {
    // A node may replay the command a message carried on its own replica; the decision must be the one the
    // issuing end made on its replica, so both record the same events.
    const replays = RETURN_KINDS.flatMap((kind) =>
      EXPECTED_TRANSITIONS.filter(
        (row) =>
          row.from !== undefined &&
          STATUSES_BY_KIND[kind].includes(row.from) &&
          (!row.childOnly || kind === 'child') &&
          row.to !== 'unchanged',
      ).flatMap((row) =>
        row.by.map((issuer) => [row.command, row.variant, issuer, row.from as ReturnStatus, kind] as const),
      ),
    );

    it.each(replays)(
      'should decide %s (%s) by the %s alike on both replicas when %s (%s)',
      (command, variant, issuer, status, kind) => {
        const counterpart: ReturnSide = issuer === 'sender' ? 'receiver' : 'sender';
        const prepare = (history: ReturnEvent[]) =>
          stateOf(command === 'ProposeReceptionPlan' && kind === 'child' ? [...history, ...SAFEGUARDS_MET] : history);
        const own = prepare(historyOf(status, issuer, kind));
        const other = prepare(historyOf(status, counterpart, kind));

        expect(decideReturn(other, validCommand(command, kind, variant), issuer)).toEqual(
          decideReturn(own, validCommand(command, kind, variant), issuer),
        );
      },
    );
  });

  describe('ReturnRuleViolation', () => {
    const thrownBy = (run: () => unknown): unknown => {
      try {
        run();
      } catch (error: unknown) {
        return error;
      }
      return undefined;
    };

    it('should carry the rule, the status and the command', () => {
      const thrown = thrownBy(() =>
        decideReturn(
          stateOf(historyOf('risk-assessed', 'receiver', 'child')),
          validCommand('ProposeReceptionPlan'),
          'receiver',
        ),
      );

      expect(thrown).toBeInstanceOf(ReturnRuleViolation);
      expect(thrown).toMatchObject({
        code: 'CHILD_SAFEGUARD_MISSING',
        status: 'risk-assessed',
        commandType: 'ProposeReceptionPlan',
      });
    });

    it('should name none of the data the command carried', () => {
      const secret = 'the uncle who sold her lives next door';
      const thrown = thrownBy(() =>
        decideReturn(
          stateOf(historyOf('departed', 'sender')),
          { type: 'SuspendReturn', data: { reason: secret, at: STEP_AT } },
          'sender',
        ),
      ) as ReturnRuleViolation;

      expect(thrown.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(thrown.message).not.toContain(secret);
      expect(thrown.message).not.toContain(RETURN_ID);
    });
  });

  describe('the fixtures', () => {
    it.each(RETURN_KINDS.flatMap((kind) => STATUSES_BY_KIND[kind].map((status) => [kind, status] as const)))(
      'should bring an %s return to %s at both ends',
      (kind: ReturnKind, status) => {
        RETURN_SIDES.forEach((side) => {
          expect(stateOf(historyOf(status, side, kind))).toMatchObject({ status, side, deliveredAt: DELIVERED_AT });
        });
        expect(ENVELOPE_ID).toBeDefined();
      },
    );
  });
});
