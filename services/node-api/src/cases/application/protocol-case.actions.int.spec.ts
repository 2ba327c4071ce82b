import { randomBytes, randomUUID } from 'node:crypto';
import { MessageValidator } from '@enlace/contracts';
import { CaseKeyStore, PersonalDataVault } from '@enlace/privacy';
import { ReintegrationCommand, ReintegrationEvent, ReintegrationState, decideReintegration } from '@enlace/protocols';
import { NodeDatabase, ScratchDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { NodeTransactions } from '../../database/node-transactions';
import { SealedCaseContent } from '../../privacy/sealed-case-content';
import { REINTEGRATION_CASE_PROTOCOL } from '../../reintegrations/domain/reintegration-case.protocol';
import { ProtocolCaseRepository } from '../persistence/protocol-case.repository';
import { ProtocolCaseActions } from './protocol-case.actions';
import { ProtocolCaseWriter } from './protocol-case.writer';

type Actions = ProtocolCaseActions<ReintegrationState, ReintegrationEvent>;

const KEK = { kid: 'test', key: randomBytes(32) };
const STEPS = 16;

/** What one node-api process holds: its own pool, transactions, repository, writer and actions. */
function stackOn(db: Kysely<NodeDatabase>): {
  actions: Actions;
  writer: ProtocolCaseWriter<ReintegrationState, ReintegrationEvent>;
} {
  const transactions = new NodeTransactions(db);
  const sealing = new SealedCaseContent(new PersonalDataVault(new CaseKeyStore(db, KEK)), transactions);
  const repository = new ProtocolCaseRepository<ReintegrationState>(transactions, 'reintegration', sealing);
  const writer = new ProtocolCaseWriter(REINTEGRATION_CASE_PROTOCOL, repository, new MessageValidator());
  return { actions: new ProtocolCaseActions(REINTEGRATION_CASE_PROTOCOL, repository, writer), writer };
}

const step = (actions: Actions, id: string, command: (state: ReintegrationState, at: string) => ReintegrationCommand) =>
  actions.act(id, (state, side, now) => decideReintegration(state, command(state, now.toISOString()), side));

describe('ProtocolCaseActions (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_case_steps');
  }, 60_000);

  afterAll(() => scratch?.drop());

  describe('act', () => {
    it(`should apply ${STEPS} concurrent steps on one case from two processes each exactly once`, async () => {
      const first = stackOn(scratch.db);
      const second = stackOn(await scratch.open(10));
      const planId = randomUUID();
      const now = new Date().toISOString();
      await first.writer.create(
        { _id: planId, direction: 'incoming', links: { returnId: randomUUID() } },
        decideReintegration(
          undefined,
          {
            type: 'OpenReintegration',
            data: {
              planId,
              fromCountry: 'AR',
              toCountry: 'CO',
              arrivedAt: now,
              planDueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
              followUpIntervalDays: 30,
              shareWithSender: true,
              consent: { purpose: 'Reintegration follow-up shared with Argentina', recordedAt: now },
              at: now,
            },
          },
          'receiver',
        ),
        'receiver',
      );
      await step(first.actions, planId, (_, at) => ({
        type: 'AgreePlan',
        data: { supportTypes: ['Health'], plannedEndDate: '2030-01-01T00:00:00.000Z', at },
      }));
      await step(second.actions, planId, (_, at) => ({ type: 'StartImplementation', data: { at } }));
      await step(first.actions, planId, (_, at) => ({ type: 'StartMonitoring', data: { at } }));

      // Each step reports the next follow-up of the state it reads: two writers deciding on one state conflict.
      await Promise.all(
        Array.from({ length: STEPS }, (_, n) =>
          step(n % 2 === 0 ? first.actions : second.actions, planId, (state, at) => ({
            type: 'ReportFollowUp',
            data: { sequence: state.followUpCount + 1, wellbeing: 'stable', signsOfRetrafficking: false, at },
          })),
        ),
      );

      const done = await first.actions.get(planId);
      expect(done.state.followUpCount).toBe(STEPS);
      expect(done.version).toBe(3 + STEPS);
      const reported = done.timeline.filter((entry) => entry.event === 'FollowUpReported');
      expect(reported.map((entry) => entry.detail)).toEqual(
        Array.from({ length: STEPS }, (_, n) => `follow-up ${n + 1}: stable`),
      );
      expect(done.timeline.map((entry) => entry.event).slice(0, 4)).toEqual([
        'ReintegrationOpened',
        'ReintegrationPlanAgreed',
        'ImplementationStarted',
        'MonitoringStarted',
      ]);
      // Every step's message to the sender is in the outbox once, in the order the steps committed.
      const messages = await scratch.db
        .selectFrom('outbox')
        .select(['envelope_id', 'type'])
        .where('case_id', '=', planId)
        .orderBy('seq')
        .execute();
      expect(messages.filter((message) => message.type.includes('follow-up'))).toHaveLength(STEPS);
      expect(new Set(messages.map((message) => message.envelope_id)).size).toBe(messages.length);
      expect(done.outbox.map((entry) => entry.envelopeId)).toEqual(messages.map((message) => message.envelope_id));
    }, 60_000);
  });
});
