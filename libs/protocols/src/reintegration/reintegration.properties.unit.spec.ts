import fc from 'fast-check';
import { CROSSING_EDGES, EXPECTED_EDGES, edge } from '../testing/reintegration.expectations';
import { FROM_COUNTRY, OPENED_AT, PLAN_ID, TO_COUNTRY } from '../testing/reintegration.fixtures';
import { allowedReintegrationCommands } from './reintegration.allowed-commands';
import { ReintegrationCommand, ReintegrationCommandType, ReintegrationOpening } from './reintegration.commands';
import { reintegrationEventsForCounterpart } from './reintegration.counterpart';
import { decideReintegration } from './reintegration.decide';
import { ReintegrationEvent } from './reintegration.events';
import { evolveReintegration } from './reintegration.evolve';
import { ReintegrationRuleViolation } from './reintegration-rule-violation.error';
import {
  REINTEGRATION_CLOSURE_REASONS,
  REINTEGRATION_SIDES,
  REINTEGRATION_STATUSES,
  REINTEGRATION_SUPPORT_TYPES,
  ReintegrationClosureReason,
  ReintegrationConsent,
  ReintegrationSide,
  ReintegrationState,
  ReintegrationStatus,
  ReintegrationSupportType,
} from './reintegration.state';
import { isReintegrationTerminal } from './reintegration.status';

// A fixed seed: the checks that every status and crossing was reached must not depend on luck. Change it to
// explore other sequences; the properties themselves hold for any seed.
const COVERAGE_SEED = 20261123;

// Two replicas of one reintegration, one per end, joined by a network: each end's events travel in order (a
// Kafka partition keyed by the case). The receiver runs the reintegration; the sender hears of it only where
// the person consented. Commands carry times relative to a clock the test advances; nothing reads the real
// clock.

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const START = Date.parse(OPENED_AT);

type CommandTemplate = (now: number) => ReintegrationCommand;
type Channel = 'toSender' | 'toReceiver';
type Action =
  | { kind: 'command'; side: ReintegrationSide; advance: number; command: CommandTemplate }
  | { kind: 'offered'; side: ReintegrationSide; advance: number; pick: number; variant: number }
  | { kind: 'deliver'; channel: Channel };
/** An event on its way to the other end, with the command that decided it, for the replay check. */
type Message = { event: ReintegrationEvent; command: ReintegrationCommand; issuer: ReintegrationSide };

const iso = (millis: number): string => new Date(millis).toISOString();

const consentArbitrary: fc.Arbitrary<(now: number) => ReintegrationConsent> = fc.oneof(
  { weight: 3, arbitrary: fc.constant((now: number) => ({ purpose: 'reintegration', recordedAt: iso(now - HOUR) })) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 1, max: 240 }).map((days) => (now: number) => ({
      purpose: 'reintegration',
      recordedAt: iso(now - HOUR),
      expiresAt: iso(now + days * DAY),
    })),
  },
  // Recorded only after the opening: the opening is refused.
  { weight: 1, arbitrary: fc.constant((now: number) => ({ purpose: 'reintegration', recordedAt: iso(now + HOUR) })) },
);

const openingArbitrary: fc.Arbitrary<(now: number) => ReintegrationOpening> = fc
  .record({
    shareWithSender: fc.oneof(
      { weight: 4, arbitrary: fc.constant(true) },
      { weight: 1, arbitrary: fc.constant(false) },
    ),
    interval: fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 1, max: 90 }) },
      { weight: 1, arbitrary: fc.constant(0) },
    ),
    dueInDays: fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 31 }) },
      { weight: 1, arbitrary: fc.constant(-1) },
    ),
    consent: consentArbitrary,
  })
  .map(({ shareWithSender, interval, dueInDays, consent }) => (now) => ({
    planId: PLAN_ID,
    fromCountry: FROM_COUNTRY,
    toCountry: TO_COUNTRY,
    arrivedAt: iso(now - DAY),
    planDueAt: iso(now - DAY + dueInDays * DAY),
    followUpIntervalDays: interval,
    shareWithSender,
    consent: consent(now),
  }));

const reasonArbitrary = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.constant('needs care another programme gives') },
);

// Any command with any data, valid or not, so that every rule gets its chance to refuse.
const receiverCommands: fc.Arbitrary<CommandTemplate> = fc.oneof(
  fc
    .tuple(fc.subarray([...REINTEGRATION_SUPPORT_TYPES]), fc.integer({ min: -10, max: 365 }))
    .map<CommandTemplate>(([supportTypes, endInDays]) => (now) => ({
      type: 'AgreePlan',
      data: { supportTypes, plannedEndDate: iso(now + endInDays * DAY), at: iso(now) },
    })),
  fc.constant<CommandTemplate>((now) => ({ type: 'StartImplementation', data: { at: iso(now) } })),
  fc.constant<CommandTemplate>((now) => ({ type: 'StartMonitoring', data: { at: iso(now) } })),
  fc
    .tuple(
      fc.integer({ min: 0, max: 6 }),
      fc.constantFrom('stable', 'improving', 'deteriorating' as const),
      fc.boolean(),
    )
    .map<CommandTemplate>(([sequence, wellbeing, signsOfRetrafficking]) => (now) => ({
      type: 'ReportFollowUp',
      data: { sequence, wellbeing, signsOfRetrafficking, at: iso(now) },
    })),
  fc
    .tuple(fc.constantFrom('continue' as const, 're-refer' as const), reasonArbitrary)
    .map<CommandTemplate>(([outcome, reason]) => (now) => ({
      type: 'ResolveRiskReview',
      data: { outcome, reason, at: iso(now) },
    })),
  fc.constantFrom<string>(...REINTEGRATION_CLOSURE_REASONS, 'finished').map<CommandTemplate>((reason) => (now) => ({
    type: 'CloseReintegration',
    data: { reason: reason as ReintegrationClosureReason, at: iso(now) },
  })),
  reasonArbitrary.map<CommandTemplate>((reason) => (now) => ({ type: 'ReReferral', data: { reason, at: iso(now) } })),
);

const withdrawal: CommandTemplate = (now) => ({ type: 'WithdrawReintegrationConsent', data: { at: iso(now) } });

const anyCommand = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constant<ReintegrationSide>('receiver'), receiverCommands) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom<ReintegrationSide>('receiver', 'sender'), fc.constant(withdrawal)) },
  // The sender tries the receiver's steps, and either end a start that is not its own: all refused.
  { weight: 1, arbitrary: fc.tuple(fc.constant<ReintegrationSide>('sender'), receiverCommands) },
  // Only the network issues ReceiveReintegration for real, so random commands use it only from the end that
  // must be refused, as they use the opening.
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.constant<ReintegrationSide>('receiver'),
      openingArbitrary.map<CommandTemplate>((opening) => (now) => ({
        type: 'ReceiveReintegration',
        data: { ...opening(now), openedAt: iso(now), at: iso(now) },
      })),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.constant<ReintegrationSide>('sender'),
      openingArbitrary.map<CommandTemplate>((opening) => (now) => ({
        type: 'OpenReintegration',
        data: { ...opening(now), at: iso(now) },
      })),
    ),
  },
);

const commandAction: fc.Arbitrary<Action> = fc
  .tuple(anyCommand, fc.integer({ min: 0, max: 240 }))
  .map(([[side, command], advance]) => ({ kind: 'command', side, advance, command }));

// An end picking one of the actions its console offers, with valid data: this drives runs deep into the graph,
// and checks that what allowedReintegrationCommands offers is never refused.
const offeredAction: fc.Arbitrary<Action> = fc
  .record({
    side: fc.oneof(
      { weight: 8, arbitrary: fc.constant<ReintegrationSide>('receiver') },
      { weight: 1, arbitrary: fc.constant<ReintegrationSide>('sender') },
    ),
    advance: fc.integer({ min: 0, max: 240 }),
    // Mostly the first action offered, which is the step forward.
    pick: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat() }),
    // Which of the valid data: a sign of re-trafficking, a review's outcome, a closing reason.
    variant: fc.nat({ max: 11 }),
  })
  .map((offered) => ({ kind: 'offered', ...offered }));

function offeredCommand(
  type: ReintegrationCommandType,
  state: ReintegrationState,
  now: number,
  variant: number,
): ReintegrationCommand {
  const at = iso(now);
  switch (type) {
    case 'AgreePlan': {
      const supportTypes: ReintegrationSupportType[] = [
        REINTEGRATION_SUPPORT_TYPES[variant % REINTEGRATION_SUPPORT_TYPES.length] ?? 'Health',
        'SocialCare',
      ];
      return { type, data: { supportTypes, plannedEndDate: iso(now + 180 * DAY), at } };
    }
    case 'ReportFollowUp':
      return {
        type,
        data: { sequence: state.followUpCount + 1, wellbeing: 'stable', signsOfRetrafficking: variant % 4 === 0, at },
      };
    case 'ResolveRiskReview':
      return { type, data: { outcome: variant % 3 === 0 ? 're-refer' : 'continue', reason: 'reviewed', at } };
    case 'CloseReintegration':
      return {
        type,
        data: {
          reason: REINTEGRATION_CLOSURE_REASONS[variant % REINTEGRATION_CLOSURE_REASONS.length] ?? 'support-ended',
          at,
        },
      };
    case 'ReReferral':
      return { type, data: { reason: 'needs care another programme gives', at } };
    case 'StartImplementation':
    case 'StartMonitoring':
    case 'WithdrawReintegrationConsent':
      return { type, data: { at } };
    default:
      throw new Error(`${type} starts a replica, never offered on one`);
  }
}

const deliverAction: fc.Arbitrary<Action> = fc
  .constantFrom<Channel>('toSender', 'toReceiver')
  .map((channel) => ({ kind: 'deliver', channel }));

const opening: fc.Arbitrary<Action> = openingArbitrary.map((build) => ({
  kind: 'command',
  side: 'receiver',
  advance: 0,
  command: (now) => ({ type: 'OpenReintegration', data: { ...build(now), at: iso(now) } }),
}));

class TwoEndedReintegration {
  readonly replicas: Record<ReintegrationSide, ReintegrationState | undefined> = {
    receiver: undefined,
    sender: undefined,
  };
  readonly channels: Record<Channel, Message[]> = { toSender: [], toReceiver: [] };
  readonly reached = new Set<ReintegrationStatus>();
  readonly edges = new Set<string>();
  /** Statuses the receiver's replica passed through, to place a sender left behind. */
  readonly receiverPath = new Set<ReintegrationStatus>();
  /** Follow-up numbers each replica counted, in order. */
  readonly counted: Record<ReintegrationSide, number[]> = { receiver: [], sender: [] };
  /** Follow-up numbers the receiver decided, in order. */
  readonly reported: number[] = [];
  /** Set once the receiver kept an event from a sender it had told: expired consent. */
  senderLeftBehind = false;
  private now = START;

  constructor(private readonly inStep: boolean) {}

  run(action: Action): void {
    if (action.kind === 'deliver') {
      this.deliver(action.channel);
      return;
    }
    this.now += action.advance * HOUR;
    if (action.kind === 'command') {
      this.issue(action.side, action.command(this.now));
      return;
    }
    const state = this.replicas[action.side];
    const offered = allowedReintegrationCommands(state, action.side);
    const type = offered[action.pick % Math.max(offered.length, 1)];
    if (!state || !type) return;
    const command = offeredCommand(type, state, this.now, action.variant);
    // What the console offers, with valid data, is never refused.
    expect(() => decideReintegration(state, command, action.side)).not.toThrow();
    this.issue(action.side, command);
  }

  flush(): void {
    const channels: Channel[] = ['toSender', 'toReceiver'];
    while (channels.some((channel) => this.channels[channel].length > 0)) {
      channels.forEach((channel) => {
        while (this.channels[channel].length > 0) this.deliver(channel);
      });
    }
  }

  private issue(side: ReintegrationSide, command: ReintegrationCommand): void {
    const before = this.replicas[side];
    let events: ReintegrationEvent[] = [];
    try {
      events = decideReintegration(before, command, side);
    } catch (error: unknown) {
      expect(error).toBeInstanceOf(ReintegrationRuleViolation);
    }
    if (before && isReintegrationTerminal(before.status)) {
      expect(events).toEqual([]);
    }
    events.forEach((event) => {
      if (event.type === 'FollowUpReported') this.reported.push(event.data.sequence);
      this.apply(side, event, EXPECTED_EDGES);
    });
    const shared = reintegrationEventsForCounterpart(before, events, side);
    if (side === 'receiver' && this.replicas.receiver?.shareWithSender && shared.length < events.length) {
      this.senderLeftBehind = true;
    }
    const channel: Channel = side === 'receiver' ? 'toSender' : 'toReceiver';
    this.channels[channel].push(...shared.map((event) => ({ event, command, issuer: side })));
  }

  private deliver(channel: Channel): void {
    const message = this.channels[channel].shift();
    if (!message) return;
    const { event } = message;
    const side: ReintegrationSide = channel === 'toSender' ? 'sender' : 'receiver';
    if (event.type === 'ReintegrationOpened') {
      // The reintegration itself: the sender's replica starts from it.
      const { at, ...opened } = event.data;
      const received = decideReintegration(
        this.replicas.sender,
        { type: 'ReceiveReintegration', data: { ...opened, openedAt: at, at: iso(this.now) } },
        'sender',
      );
      expect(received.map((recorded) => recorded.type)).toEqual(['ReintegrationReceived']);
      received.forEach((recorded) => this.apply('sender', recorded, EXPECTED_EDGES));
      return;
    }
    const inSync = this.replicas.sender?.status === this.replicas.receiver?.status;
    if (this.inStep && inSync) {
      // In step, replaying the command the message carries decides the very event the other end recorded.
      expect(decideReintegration(this.replicas[side], message.command, message.issuer)).toEqual([event]);
    }
    // Out of step, the sender's withdrawal of consent may overtake the receiver's ending.
    this.apply(side, event, this.inStep && inSync ? EXPECTED_EDGES : new Set([...EXPECTED_EDGES, ...CROSSING_EDGES]));
  }

  private apply(side: ReintegrationSide, event: ReintegrationEvent, allowedEdges: ReadonlySet<string>): void {
    const before = this.replicas[side];
    const after = evolveReintegration(before, event);
    expect(REINTEGRATION_STATUSES).toContain(after.status);
    if (after.status !== before?.status) {
      expect(allowedEdges).toContain(edge(before?.status, after.status));
      this.edges.add(edge(before?.status, after.status));
    }
    if (event.type === 'FollowUpReported' && after !== before) {
      this.counted[side].push(event.data.sequence);
      if (!event.data.signsOfRetrafficking) {
        // The next report falls due one agreed interval after this one.
        const dueIn = Date.parse(after.nextFollowUpDueAt ?? '') - Date.parse(event.data.at);
        expect(dueIn).toBe(after.followUpIntervalDays * DAY);
      }
    }
    expectConsistent(after);
    this.reached.add(after.status);
    if (side === 'receiver') this.receiverPath.add(after.status);
    this.replicas[side] = after;
  }
}

/** What the procedure forbids, whatever the path: each status holds the facts that lead to it, and no more. */
function expectConsistent(state: ReintegrationState): void {
  const { status } = state;
  expect(state.followUpCount).toBe(state.lastFollowUp?.sequence ?? 0);
  expect(state.nextFollowUpDueAt !== undefined).toBe(status === 'monitoring');
  if (status !== 'plan-pending' && status !== 'consent-withdrawn') {
    expect(state.plan).toBeDefined();
  }
  if (status === 'monitoring' || status === 'risk-review') {
    expect(state.implementationStartedAt).toBeDefined();
    expect(state.monitoringStartedAt).toBeDefined();
  }
  if (status === 'risk-review') {
    expect(state.lastFollowUp?.signsOfRetrafficking).toBe(true);
    expect(state.riskReview?.followUpSequence).toBe(state.followUpCount);
    expect(state.riskReview?.resolution).toBeUndefined();
  }
  if (state.followUpCount > 0) {
    expect(state.monitoringStartedAt).toBeDefined();
  }
  expect(state.closure !== undefined).toBe(status === 'closed' || (status === 'consent-withdrawn' && !!state.closure));
  if (status === 're-referred') {
    expect(state.implementationStartedAt).toBeDefined();
    expect(state.reReferral).toBeDefined();
  }
  if (status === 'consent-withdrawn') {
    expect(state.consentWithdrawnAt).toBeDefined();
  }
}

const consecutive = (sequences: number[]): number[] => sequences.map((_sequence, index) => index + 1);

function expectAgreement(network: TwoEndedReintegration): void {
  const { receiver, sender } = network.replicas;
  if (!receiver?.shareWithSender) {
    // Without the person's consent to share, the sender never heard of it.
    expect(sender).toBeUndefined();
    return;
  }
  expect(sender).toBeDefined();
  if (!network.senderLeftBehind || sender?.status === 'consent-withdrawn' || receiver.status === 'consent-withdrawn') {
    expect(sender?.status).toBe(receiver.status);
    return;
  }
  // The consent to tell the sender expired: it stays where it was last told, on the receiver's path.
  expect(network.receiverPath).toContain(sender?.status);
  expect(sender?.followUpCount).toBeLessThanOrEqual(receiver.followUpCount);
}

function expectConsecutiveFollowUps(network: TwoEndedReintegration): void {
  expect(network.reported).toEqual(consecutive(network.reported));
  REINTEGRATION_SIDES.forEach((side) => {
    expect(network.counted[side]).toEqual(consecutive(network.counted[side]));
  });
  expect(network.counted.receiver).toEqual(network.reported);
}

const actions = (weights: { command: number; offered: number; deliver: number }, maxLength: number) =>
  fc.array(
    fc.oneof(
      { weight: weights.command, arbitrary: commandAction },
      { weight: weights.offered, arbitrary: offeredAction },
      ...(weights.deliver > 0 ? [{ weight: weights.deliver, arbitrary: deliverAction }] : []),
    ),
    { maxLength },
  );

describe('the reintegration protocol', () => {
  describe('with each message delivered before the next command', () => {
    const reached = new Set<ReintegrationStatus>();

    it('should follow the graph, keep follow-ups consecutive and keep both ends in the same status', () => {
      fc.assert(
        fc.property(opening, actions({ command: 1, offered: 3, deliver: 0 }, 40), (first, rest) => {
          const network = new TwoEndedReintegration(true);
          [first, ...rest].forEach((action) => {
            network.run(action);
            network.flush();
            expectAgreement(network);
          });
          if (network.replicas.sender && !network.senderLeftBehind) {
            const { side: _s, lastChangedAt: _l, ...receiverFacts } = network.replicas.receiver as ReintegrationState;
            const { side: _s2, lastChangedAt: _l2, ...senderFacts } = network.replicas.sender;
            expect(senderFacts).toEqual(receiverFacts);
          }
          expectConsecutiveFollowUps(network);
          network.reached.forEach((status) => reached.add(status));
        }),
        { numRuns: 400, seed: COVERAGE_SEED },
      );
    });

    it('should have reached every status along the way', () => {
      expect([...reached].sort()).toEqual([...REINTEGRATION_STATUSES].sort());
    });
  });

  describe('with messages crossing on the way', () => {
    const reached = new Set<ReintegrationStatus>();
    const crossed = new Set<string>();

    it('should bring both ends to the same status once every message arrived', () => {
      fc.assert(
        fc.property(opening, actions({ command: 2, offered: 3, deliver: 2 }, 60), (first, rest) => {
          const network = new TwoEndedReintegration(false);
          [first, ...rest].forEach((action) => network.run(action));
          network.flush();
          expectAgreement(network);
          expectConsecutiveFollowUps(network);
          network.reached.forEach((status) => reached.add(status));
          network.edges.forEach((seen) => CROSSING_EDGES.has(seen) && crossed.add(seen));
        }),
        { numRuns: 1000, seed: COVERAGE_SEED },
      );
    });

    it('should have reached every status along the way', () => {
      expect([...reached].sort()).toEqual([...REINTEGRATION_STATUSES].sort());
    });

    it("should have seen the withdrawal of consent overtake each of the receiver's endings", () => {
      expect([...crossed].sort()).toEqual([...CROSSING_EDGES].sort());
    });
  });
});
