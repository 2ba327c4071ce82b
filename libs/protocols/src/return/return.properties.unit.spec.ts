import fc from 'fast-check';
import { CROSSING_EDGES, EXPECTED_EDGES, edge } from '../testing/return.expectations';
import { FROM_COUNTRY, REQUESTED_AT, RETURN_ID, TO_COUNTRY } from '../testing/return.fixtures';
import { allowedReturnCommands } from './return.allowed-commands';
import { missingChildSafeguards } from './return.child-safeguards';
import { ReturnCommand, ReturnCommandType } from './return.commands';
import { returnEventsForCounterpart } from './return.counterpart';
import { decideReturn } from './return.decide';
import { ReturnEvent } from './return.events';
import { evolveReturn } from './return.evolve';
import { returnPendingOn } from './return.pending-on';
import { ReturnRuleViolation } from './return-rule-violation.error';
import {
  RETURN_SIDES,
  RETURN_STATUSES,
  ReturnConsent,
  ReturnEscort,
  ReturnEscortRole,
  ReturnSide,
  ReturnState,
  ReturnStatus,
} from './return.state';
import { RETURN_BEFORE_DEPARTURE_STATUSES, isReturnTerminal } from './return.status';

// A fixed seed: the checks that every status and crossing was reached must not depend on luck. Change it to
// explore other sequences; the properties themselves hold for any seed.
const COVERAGE_SEED = 20261123;

// Two replicas of one return, one per end, joined by a network: the sender's events and the receiver's events
// each travel in order (a Kafka partition keyed by the case), delivery receipts travel on their own channel.
// Commands carry times relative to a clock the test advances; nothing reads the real clock.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const START = Date.parse(REQUESTED_AT);

type CommandTemplate = (now: number) => ReturnCommand;
type Channel = 'toReceiver' | 'toSender' | 'receipts';
type Action =
  | { kind: 'command'; side: ReturnSide; advance: number; command: CommandTemplate }
  | { kind: 'offered'; side: ReturnSide | 'pending'; advance: number; choice: Choice }
  | { kind: 'deliver'; channel: Channel };
/** An event on its way to the other end, with the command that decided it, for the replay check. */
/** Which offered action an end's user takes, and whether the finding it records is the negative one. */
type Choice = { among: 'forward' | 'all'; index: number; negative: boolean; escorted: boolean };
type Message = { event: ReturnEvent; command?: ReturnCommand; issuer: ReturnSide };

const iso = (millis: number): string => new Date(millis).toISOString();

// ---- what a person may try ----

const reasonArbitrary = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.constant('a short reason') },
);
// Mostly a due time in the coming days, sometimes none, now and then one in the past (refused).
const dueArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 14 * 24 * 60 }) },
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.integer({ min: -24 * 60, max: -1 }) },
);
const due = (minutes: number | undefined, now: number) =>
  minutes === undefined ? {} : { nextDueAt: iso(now + minutes * MINUTE) };
const ROLES: ReturnEscortRole[] = ['social-worker', 'guardian', 'international-organisation'];
const escortArbitrary: fc.Arbitrary<ReturnEscort | undefined> = fc.option(
  fc.constantFrom(...ROLES).map((role) => ({ role })),
  { nil: undefined, freq: 4 },
);
const positive = <T extends string>(good: T, bad: T) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(good) }, { weight: 1, arbitrary: fc.constant(bad) });

const template =
  <T extends ReturnCommandType>(
    type: T,
    data: (now: number) => Extract<ReturnCommand, { type: T }>['data'],
  ): CommandTemplate =>
  (now) =>
    ({ type, data: data(now) }) as ReturnCommand;

const riskAssessment = fc
  .tuple(positive('safe' as const, 'not-safe' as const), reasonArbitrary, dueArbitrary)
  .map(([result, reason, minutes]) =>
    template('RecordRiskAssessment', (now) => ({ result, reason, ...due(minutes, now), at: iso(now) })),
  );
const suspension = reasonArbitrary.map((reason) => template('SuspendReturn', (now) => ({ reason, at: iso(now) })));
const resumption = dueArbitrary.map((minutes) =>
  template('ResumeReturn', (now) => ({ ...due(minutes, now), at: iso(now) })),
);
const step = (type: Exclude<ReturnCommandType, 'HandOverToReintegration'>) =>
  dueArbitrary.map((minutes) => template(type, (now) => ({ ...due(minutes, now), at: iso(now) }) as never));

const senderSteps: fc.Arbitrary<CommandTemplate> = fc.oneof(
  riskAssessment,
  step('AppointGuardian'),
  fc
    .tuple(positive('in-favour' as const, 'against' as const), reasonArbitrary, dueArbitrary)
    .map(([result, reason, minutes]) =>
      template('RecordBestInterestsDetermination', (now) => ({ result, reason, ...due(minutes, now), at: iso(now) })),
    ),
  step('ConfirmReceptionPlan'),
  reasonArbitrary.map((reason) => template('RejectReceptionPlan', (now) => ({ reason, at: iso(now) }))),
  fc
    .tuple(
      fc.integer({ min: -2 * 24 * 60, max: 30 * 24 * 60 }),
      fc.constantFrom('EZE-VVI by air', ' '),
      escortArbitrary,
      dueArbitrary,
    )
    .map(([inMinutes, route, escort, minutes]) =>
      template('ScheduleTravel', (now) => ({
        travelDate: iso(now + inMinutes * MINUTE),
        route,
        ...(escort ? { escort } : {}),
        ...due(minutes, now),
        at: iso(now),
      })),
    ),
  step('RecordDeparture'),
  step('RecordNoShow'),
  suspension,
  resumption,
);
// The person's change of mind is rarer than the rest, so that runs get far along the graph.
const senderCommands: fc.Arbitrary<CommandTemplate> = fc.oneof(
  { weight: 20, arbitrary: senderSteps },
  { weight: 1, arbitrary: fc.constant(template('CancelReturnByPerson', (now) => ({ at: iso(now) }))) },
);

const receiverCommands: fc.Arbitrary<CommandTemplate> = fc.oneof(
  fc
    .tuple(positive('confirmed' as const, 'not-confirmed' as const), reasonArbitrary, dueArbitrary)
    .map(([outcome, reason, minutes]) =>
      template('VerifyNationality', (now) => ({ outcome, reason, ...due(minutes, now), at: iso(now) })),
    ),
  riskAssessment,
  fc
    .tuple(positive('suitable' as const, 'unsuitable' as const), reasonArbitrary, dueArbitrary)
    .map(([result, reason, minutes]) =>
      template('RecordFamilyAssessment', (now) => ({ result, reason, ...due(minutes, now), at: iso(now) })),
    ),
  step('ProposeReceptionPlan'),
  step('IssueTravelDocuments'),
  step('RecordArrival'),
  fc.constant(template('HandOverToReintegration', (now) => ({ at: iso(now) }))),
  suspension,
  resumption,
);

type ReturnKind = 'adult' | 'accompanied child' | 'unaccompanied child' | 'adult said to be unaccompanied';

const consentArbitrary: fc.Arbitrary<ReturnConsent | undefined> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constant<ReturnConsent>({
      purpose: 'return',
      recordedAt: iso(START - DAY),
      recipients: [TO_COUNTRY],
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constant<ReturnConsent>({ purpose: 'return', recordedAt: iso(START - DAY), recipients: ['PE'] }),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const requestTemplate = (
  kind: ReturnKind,
  consent: ReturnConsent | undefined,
  decided: boolean,
  dueInMinutes: number,
): CommandTemplate =>
  template('RequestReturn', (now) => ({
    returnId: RETURN_ID,
    fromCountry: FROM_COUNTRY,
    toCountry: TO_COUNTRY,
    isChild: kind.endsWith('child'),
    unaccompanied: kind.includes('unaccompanied'),
    answerDueAt: iso(now + dueInMinutes * MINUTE),
    ...(decided ? { informedDecisionRecordedAt: iso(now - DAY) } : {}),
    ...(consent ? { consent } : {}),
    at: iso(now),
  }));

// Every sequence opens with a request; most are requests the protocol accepts.
const opening: fc.Arbitrary<Action> = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: fc.constant<ReturnKind>('adult') },
      { weight: 2, arbitrary: fc.constant<ReturnKind>('accompanied child') },
      { weight: 4, arbitrary: fc.constant<ReturnKind>('unaccompanied child') },
      { weight: 1, arbitrary: fc.constant<ReturnKind>('adult said to be unaccompanied') },
    ),
    consentArbitrary,
    fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    fc.integer({ min: -60, max: 14 * 24 * 60 }),
  )
  .map(([kind, consent, decided, dueInMinutes]) => ({
    kind: 'command',
    side: 'sender',
    advance: 0,
    command: requestTemplate(kind, consent, decided, dueInMinutes),
  }));

// Either end may try anything: the other end's commands, a second request, and the receiver's arrival or the
// sender's receipt from the wrong end must be refused.
const anyCommand = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.constant<ReturnSide>('sender'), senderCommands) },
  { weight: 12, arbitrary: fc.tuple(fc.constant<ReturnSide>('receiver'), receiverCommands) },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.constantFrom<ReturnSide>('sender', 'receiver'),
      fc.constant(template('WithdrawReturnConsent', (now) => ({ at: iso(now) }))),
    ),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constant<ReturnSide>('receiver'), senderCommands) },
  { weight: 1, arbitrary: fc.tuple(fc.constant<ReturnSide>('sender'), receiverCommands) },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.constantFrom<ReturnSide>('sender', 'receiver'),
      fc.constant(requestTemplate('adult', { purpose: 'return', recordedAt: iso(START - DAY) }, true, 60)),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.constant<ReturnSide>('sender'),
      fc.constant(
        template('ReceiveReturnRequest', (now) => ({
          returnId: RETURN_ID,
          fromCountry: FROM_COUNTRY,
          toCountry: TO_COUNTRY,
          isChild: false,
          unaccompanied: false,
          answerDueAt: iso(now + DAY),
          informedDecisionRecordedAt: iso(START - DAY),
          consent: { purpose: 'return', recordedAt: iso(START - DAY) },
          at: iso(now),
        })),
      ),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.constant<ReturnSide>('receiver'),
      fc.constant(template('RecordReturnDelivery', (now) => ({ envelopeId: 'env', at: iso(now) }))),
    ),
  },
);

const commandAction: fc.Arbitrary<Action> = fc
  .tuple(anyCommand, fc.integer({ min: 0, max: 24 * 60 }))
  .map(([[side, command], advance]) => ({ kind: 'command', side, advance, command }));

// An end picking one of the actions its console offers: this drives runs deep into the graph, and checks that
// what allowedReturnCommands offers is refused only for the rules it leaves to decide.
const offeredAction: fc.Arbitrary<Action> = fc
  .record({
    // Mostly the end whose turn it is, as in life.
    side: fc.oneof(
      { weight: 4, arbitrary: fc.constant('pending' as const) },
      { weight: 1, arbitrary: fc.constantFrom<ReturnSide>('sender', 'receiver') },
    ),
    advance: fc.integer({ min: 0, max: 24 * 60 }),
    // Mostly the first step forward offered; otherwise any action offered, pauses and endings included.
    choice: fc.record({
      among: fc.oneof(
        { weight: 12, arbitrary: fc.constant('forward' as const) },
        { weight: 1, arbitrary: fc.constant('all' as const) },
      ),
      index: fc.oneof(
        { weight: 4, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.constant(1) },
        { weight: 1, arbitrary: fc.constant(2) },
        { weight: 1, arbitrary: fc.nat() },
      ),
      negative: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      escorted: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    }),
  })
  .map((offered) => ({ kind: 'offered', ...offered }));

/** What an end's user fills in for an offered action. */
function offeredCommand(type: ReturnCommandType, now: number, { negative, escorted }: Choice): ReturnCommand {
  const at = iso(now);
  const next = { nextDueAt: iso(now + 7 * DAY) };
  const reason = 'a short reason';
  switch (type) {
    case 'VerifyNationality':
      return {
        type,
        data: negative ? { outcome: 'not-confirmed', reason, at } : { outcome: 'confirmed', ...next, at },
      };
    case 'RecordRiskAssessment':
      return { type, data: negative ? { result: 'not-safe', reason, at } : { result: 'safe', ...next, at } };
    case 'RecordBestInterestsDetermination':
      return { type, data: negative ? { result: 'against', reason, at } : { result: 'in-favour', ...next, at } };
    case 'RecordFamilyAssessment':
      return { type, data: negative ? { result: 'unsuitable', reason, at } : { result: 'suitable', ...next, at } };
    case 'RejectReceptionPlan':
    case 'SuspendReturn':
      return { type, data: { reason, at } };
    case 'ScheduleTravel':
      return {
        type,
        data: {
          travelDate: iso(now + 3 * DAY),
          route: 'EZE-VVI by air',
          ...(escorted ? { escort: { role: 'social-worker' } } : {}),
          ...next,
          at,
        },
      };
    case 'HandOverToReintegration':
    case 'CancelReturnByPerson':
    case 'WithdrawReturnConsent':
      return { type, data: { at } };
    case 'AppointGuardian':
    case 'ProposeReceptionPlan':
    case 'ConfirmReceptionPlan':
    case 'IssueTravelDocuments':
    case 'RecordDeparture':
    case 'RecordNoShow':
    case 'RecordArrival':
    case 'ResumeReturn':
      return { type, data: { ...next, at } };
    default:
      throw new Error(`${type} is issued by the network, never offered`);
  }
}

const NETWORK_COMMANDS: readonly ReturnCommandType[] = [
  'RequestReturn',
  'ReceiveReturnRequest',
  'RecordReturnDelivery',
];
const PAUSES_AND_ENDINGS: readonly ReturnCommandType[] = [
  'SuspendReturn',
  'CancelReturnByPerson',
  'WithdrawReturnConsent',
];
// The rules allowedReturnCommands leaves to decide: the child's safeguards before the plan, and the escort.
const DATA_RULES_ON_OFFERED = /^(CHILD_SAFEGUARD_MISSING|ESCORT_REQUIRED)$/;

const deliverAction: fc.Arbitrary<Action> = fc
  .constantFrom<Channel>('toReceiver', 'toSender', 'receipts')
  .map((channel) => ({ kind: 'deliver', channel }));

// ---- what must hold ----

const PLAN_ONWARD: readonly ReturnStatus[] = [
  'plan-proposed',
  'plan-confirmed',
  'documents-issued',
  'travel-scheduled',
  'no-show',
  'departed',
  'arrived',
  'handed-over',
];
const ON_THE_WAY: readonly ReturnStatus[] = ['departed', 'arrived', 'handed-over'];

/** What the procedure forbids any replica to be, whatever the sequence. */
function expectPermitted(state: ReturnState): void {
  const { suspension } = state;
  const underlying = suspension ? suspension.from : state.status;
  expect(RETURN_STATUSES).toContain(state.status);
  expect(state.status === 'suspended').toBe(suspension !== undefined);
  if (suspension) {
    expect(RETURN_BEFORE_DEPARTURE_STATUSES).toContain(suspension.from);
    expect(suspension.holds.map((hold) => hold.by)).toEqual(
      (['sender', 'receiver'] as const).filter((side) => suspension.holds.some((hold) => hold.by === side)),
    );
    expect(suspension.holds.length).toBeGreaterThan(0);
  }
  if (!state.isChild) {
    // An adult's return knows no child safeguard and is never barred by one.
    expect(state.unaccompanied).toBe(false);
    expect([state.guardianAppointedAt, state.bestInterests, state.familyAssessment, state.barredBy]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(state.status).not.toBe('barred');
  }
  if (state.isChild && PLAN_ONWARD.includes(underlying)) {
    // No reception plan, let alone a journey, for a child without every safeguard met.
    expect(missingChildSafeguards(state)).toEqual([]);
  }
  if (state.isChild && state.unaccompanied && state.travel) {
    // An unaccompanied child never has a journey without an escort.
    expect(state.travel.escort).toBeDefined();
  }
  if (ON_THE_WAY.includes(underlying)) {
    // Nobody leaves whose nationality is not confirmed, who is in danger, or without a journey.
    expect(state.nationality?.result).toBe('confirmed');
    expect(state.riskAssessment?.result).toBe('safe');
    expect(state.travel).toBeDefined();
  }
  if (state.status === 'barred') {
    expect(state.barredBy?.length).toBeGreaterThan(0);
  }
}

class TwoEndedReturn {
  readonly replicas: Record<ReturnSide, ReturnState | undefined> = { sender: undefined, receiver: undefined };
  readonly channels: Record<Channel, Message[]> = { toReceiver: [], toSender: [], receipts: [] };
  readonly reached = new Set<ReturnStatus>();
  /** The status changes only a crossing explains. */
  readonly crossed = new Set<string>();
  private now = START;

  constructor(private readonly crossingsAllowed: boolean) {}

  run(action: Action): void {
    if (action.kind === 'deliver') {
      this.deliver(action.channel);
      return;
    }
    this.now += action.advance * MINUTE;
    if (action.kind === 'command') {
      this.issue(action.side, action.command(this.now));
      return;
    }
    this.issueOffered(action.side, action.choice);
  }

  /** Delivers everything in flight; deliveries only ever add a receipt, so this ends. */
  flush(): void {
    const channels: Channel[] = ['toReceiver', 'receipts', 'toSender'];
    while (channels.some((channel) => this.channels[channel].length > 0)) {
      channels.forEach((channel) => {
        while (this.channels[channel].length > 0) this.deliver(channel);
      });
    }
  }

  private issueOffered(chosen: ReturnSide | 'pending', choice: Choice): void {
    // 'pending': an end whose own replica says it is its turn (the other end may not know yet).
    const side =
      chosen === 'pending'
        ? RETURN_SIDES.find((each) => {
            const replica = this.replicas[each];
            return replica !== undefined && returnPendingOn(replica) === each;
          })
        : chosen;
    if (!side) return;
    const offered = allowedReturnCommands(this.replicas[side], side).filter((type) => !NETWORK_COMMANDS.includes(type));
    const forward = offered.filter((type) => !PAUSES_AND_ENDINGS.includes(type));
    const among = choice.among === 'forward' ? forward : offered;
    const type = among[choice.index % Math.max(among.length, 1)];
    if (!type) return;
    const command = offeredCommand(type, this.now, choice);
    try {
      decideReturn(this.replicas[side], command, side);
    } catch (error: unknown) {
      expect(error).toMatchObject({ code: expect.stringMatching(DATA_RULES_ON_OFFERED) });
    }
    this.issue(side, command);
  }

  private issue(side: ReturnSide, command: ReturnCommand): ReturnEvent[] {
    const before = this.replicas[side];
    let events: ReturnEvent[] = [];
    try {
      events = decideReturn(before, command, side);
    } catch (error: unknown) {
      expect(error).toBeInstanceOf(ReturnRuleViolation);
    }
    if (before && isReturnTerminal(before.status)) {
      // An ended return takes nothing but the late receipt of its request.
      expect(events.every((event) => event.type === 'ReturnRequestDelivered')).toBe(true);
    }
    events.forEach((event) => this.apply(side, event, EXPECTED_EDGES));
    this.channels[side === 'sender' ? 'toReceiver' : 'toSender'].push(
      ...returnEventsForCounterpart(events, side).map((event) => ({ event, command, issuer: side })),
    );
    return events;
  }

  private deliver(channel: Channel): void {
    const message = this.channels[channel].shift();
    if (!message) return;
    const { event } = message;
    if (channel === 'receipts') {
      const receipt = this.issue('sender', {
        type: 'RecordReturnDelivery',
        data: { envelopeId: 'env', at: event.data.at },
      });
      expect(receipt.every((recorded) => recorded.type === 'ReturnRequestDelivered')).toBe(true);
      return;
    }
    const side: ReturnSide = channel === 'toReceiver' ? 'receiver' : 'sender';
    if (event.type === 'ReturnRequested') {
      // The request itself: the receiver's replica starts from it, and its arrival goes back as a receipt.
      const { at, ...request } = event.data;
      const arrived = this.issue('receiver', {
        type: 'ReceiveReturnRequest',
        data: { ...request, requestedAt: at, at: iso(this.now) },
      });
      expect(arrived.map((recorded) => recorded.type)).toEqual(['ReturnRequestReceived']);
      this.channels.receipts.push(...arrived.map((recorded) => ({ event: recorded, issuer: 'receiver' as const })));
      return;
    }
    if (!this.crossingsAllowed && message.command) {
      // In step, replaying the command the message carries decides the very event the other end recorded.
      expect(decideReturn(this.replicas[side], message.command, message.issuer)).toEqual([event]);
    }
    const allowed = this.crossingsAllowed ? new Set([...EXPECTED_EDGES, ...CROSSING_EDGES]) : EXPECTED_EDGES;
    this.apply(side, event, allowed);
  }

  private apply(side: ReturnSide, event: ReturnEvent, allowedEdges: ReadonlySet<string>): void {
    const before = this.replicas[side];
    const after = evolveReturn(before, event);
    if (after.status !== before?.status) {
      const taken = edge(before?.status, after.status);
      expect(allowedEdges).toContain(taken);
      if (!EXPECTED_EDGES.has(taken)) this.crossed.add(taken);
    }
    expectPermitted(after);
    this.reached.add(after.status);
    this.replicas[side] = after;
  }
}

/** Once every message arrived, both ends hold the same outcome; in step, the very same facts. */
const expectAgreement = (network: TwoEndedReturn, inStep: boolean): void => {
  const { sender, receiver } = network.replicas;
  if (!sender || !receiver) {
    // Nothing was requested, so nothing reached the receiver.
    expect([sender, receiver]).toEqual([undefined, undefined]);
    return;
  }
  const outcome = ({ status, suspension, barredBy, isChild, unaccompanied }: ReturnState) => ({
    status,
    from: suspension?.from,
    holds: suspension?.holds.map((hold) => hold.by),
    barredBy: status === 'barred' ? barredBy : undefined,
    isChild,
    unaccompanied,
  });
  expect(outcome(receiver)).toEqual(outcome(sender));
  if (inStep) {
    const { side: _s, lastChangedAt: _l, ...senderFacts } = sender;
    const { side: _r, lastChangedAt: _l2, ...receiverFacts } = receiver;
    expect(receiverFacts).toEqual(senderFacts);
  }
};

describe('the return protocol', () => {
  describe('with each message delivered before the next command', () => {
    const reached = new Set<ReturnStatus>();

    it('should follow the graph, never reach a forbidden state and keep both ends in agreement', () => {
      fc.assert(
        fc.property(
          opening,
          fc.array(fc.oneof({ weight: 1, arbitrary: commandAction }, { weight: 3, arbitrary: offeredAction }), {
            maxLength: 40,
            size: 'max',
          }),
          (first, rest) => {
            const network = new TwoEndedReturn(false);
            [first, ...rest].forEach((action) => {
              network.run(action);
              network.flush();
              expectAgreement(network, true);
            });
            network.reached.forEach((status) => reached.add(status));
          },
        ),
        { numRuns: 400, seed: COVERAGE_SEED },
      );
    });

    it('should have reached every status along the way', () => {
      expect([...reached].sort()).toEqual([...RETURN_STATUSES].sort());
    });
  });

  describe('with messages crossing on the way', () => {
    const reached = new Set<ReturnStatus>();
    const crossed = new Set<string>();

    it('should never reach a forbidden state and bring both ends to the same outcome once every message arrived', () => {
      fc.assert(
        fc.property(
          opening,
          fc.array(
            fc.oneof(
              { weight: 1, arbitrary: commandAction },
              { weight: 3, arbitrary: offeredAction },
              { weight: 3, arbitrary: deliverAction },
            ),
            { maxLength: 120, size: 'max' },
          ),
          (first, rest) => {
            const network = new TwoEndedReturn(true);
            [first, ...rest].forEach((action) => network.run(action));
            network.flush();
            expectAgreement(network, false);
            network.reached.forEach((status) => reached.add(status));
            network.crossed.forEach((taken) => crossed.add(taken));
          },
        ),
        { numRuns: 1000, seed: COVERAGE_SEED },
      );
    });

    it('should have reached every status along the way', () => {
      expect([...reached].sort()).toEqual([...RETURN_STATUSES].sort());
    });

    it('should have resolved crossings along the way, not only runs in step', () => {
      expect(crossed.size).toBeGreaterThanOrEqual(4);
    });
  });
});
