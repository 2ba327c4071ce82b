import { randomBytes, randomUUID } from 'node:crypto';
import { AuditLogStore, AuditRecord } from '@enlace/audit';
import { MessageValidator } from '@enlace/contracts';
import { CaseKeyStore, PersonalDataVault } from '@enlace/privacy';
import { ReferralEvent, ReferralState, decideReferral, evolveReferral } from '@enlace/protocols';
import { NodeDatabase, ScratchDatabase } from '@enlace/store';
import type { Request } from 'express';
import type { Kysely } from 'kysely';
import { ProtocolCaseActions } from '../cases/application/protocol-case.actions';
import { ProtocolCaseWriter } from '../cases/application/protocol-case.writer';
import { ConcurrentCaseChangeError, ProtocolCaseRepository } from '../cases/persistence/protocol-case.repository';
import { NodeTransactions } from '../database/node-transactions';
import { SealedCaseContent } from '../privacy/sealed-case-content';
import { REFERRAL_CASE_PROTOCOL } from '../referrals/domain/referral-case.protocol';
import type { ReferralDetails } from '../referrals/domain/referral-details';
import { AUDITED_WITH_CHANGE, AuditedRequest } from './audit-entry';
import { RequestAuditContext } from './request-audit.context';
import { TransactionalAuditTrail } from './transactional-audit.trail';

type Writer = ProtocolCaseWriter<ReferralState, ReferralEvent, ReferralDetails>;

const KEK = { kid: 'test', key: randomBytes(32) };

/** A user's request to create a referral, as express hands it to the handler once the route matched. */
function createRequest(): AuditedRequest {
  return {
    method: 'POST',
    baseUrl: '/api/v1/referrals',
    route: { path: '/' },
    params: {},
    user: { username: 'co-focal', country: 'CO', roles: ['focal-point'] },
  } as unknown as Request;
}

/** A user's request to withdraw a referral, as express hands it to the handler once the route matched. */
function withdrawRequest(referralId: string): AuditedRequest {
  return {
    method: 'POST',
    baseUrl: '/api/v1/referrals',
    route: { path: '/:id/withdraw' },
    params: { id: referralId },
    user: { username: 'co-focal', country: 'CO', roles: ['focal-point'] },
  } as unknown as Request;
}

describe('TransactionalAuditTrail (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  let store: AuditLogStore;
  let context: RequestAuditContext;
  let writer: Writer;
  let actions: ProtocolCaseActions<ReferralState, ReferralEvent, ReferralDetails>;

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_audit_trail');
    store = new AuditLogStore(scratch.db);
    context = new RequestAuditContext();
    ({ writer, actions } = stackOn(scratch.db));
  }, 60_000);

  afterAll(() => scratch?.drop());

  /** What node-api builds on its database for a protocol's cases, audited through `context`. */
  function stackOn(db: Kysely<NodeDatabase>) {
    const transactions = new NodeTransactions(db);
    const sealing = new SealedCaseContent(new PersonalDataVault(new CaseKeyStore(db, KEK)), transactions);
    const repository = new ProtocolCaseRepository<ReferralState, ReferralDetails>(
      transactions,
      'referral',
      sealing,
      REFERRAL_CASE_PROTOCOL.sealedDetails,
    );
    const trail = new TransactionalAuditTrail(transactions, new AuditLogStore(db), context);
    const stackWriter: Writer = new ProtocolCaseWriter(
      REFERRAL_CASE_PROTOCOL,
      repository,
      new MessageValidator(),
      trail,
    );
    return { writer: stackWriter, actions: new ProtocolCaseActions(REFERRAL_CASE_PROTOCOL, repository, stackWriter) };
  }

  /** A referral sent from CO to EC, written outside any request unless within one. */
  async function sentReferral(by: Writer = writer): Promise<string> {
    const referralId = randomUUID();
    const at = new Date().toISOString();
    const drafted = decideReferral(
      undefined,
      {
        type: 'DraftReferral',
        data: {
          referralId,
          fromCountry: 'CO',
          toCountry: 'EC',
          consent: { purpose: 'Referral for assistance', recordedAt: at },
          at,
        },
      },
      'sender',
    );
    const sent = decideReferral(
      drafted.reduce(evolveReferral, undefined as ReferralState | undefined),
      { type: 'SendReferral', data: { answerDueAt: new Date(Date.now() + 86_400_000).toISOString(), at } },
      'sender',
    );
    await by.create(
      {
        _id: referralId,
        direction: 'outgoing',
        details: { reason: 'Other', servicesRequested: ['Legal'], urgency: 'low' },
        person: { firstName: 'Ana' },
        consent: { purpose: 'Referral for assistance', scope: ['identity'], recordedAt: at },
      },
      [...drafted, ...sent],
      'sender',
    );
    return referralId;
  }

  async function recordsOf(referralId: string): Promise<AuditRecord[]> {
    const found: AuditRecord[] = [];
    for await (const record of store.records()) if (record.resource['referral'] === referralId) found.push(record);
    return found;
  }

  async function countRecords(): Promise<number> {
    let count = 0;
    for await (const _ of store.records()) count++;
    return count;
  }

  const withdraw = (id: string) =>
    actions.act(id, (state, side, now) =>
      decideReferral(state, { type: 'WithdrawReferral', data: { reason: 'Found help', at: now.toISOString() } }, side),
    );

  describe('around', () => {
    it('should append the request’s record in the step’s transaction and mark the request recorded', async () => {
      const referralId = await sentReferral();
      const request = withdrawRequest(referralId);
      const at = new Date().toISOString();

      const withdrawn = await context.run({ request, success: 200, at }, () => withdraw(referralId));

      expect(withdrawn.state.status).toBe('withdrawn');
      expect(await recordsOf(referralId)).toEqual([
        expect.objectContaining({
          at,
          action: 'POST /api/v1/referrals/:id/withdraw',
          resource: { referral: referralId },
          outcome: 200,
          actor: { username: 'co-focal', country: 'CO', roles: ['focal-point'] },
        }),
      ]);
      expect(request[AUDITED_WITH_CHANGE]).toBe(true);
    });

    it('should leave no record when the change does not commit', async () => {
      const referralId = await sentReferral();
      const stale = await actions.get(referralId);
      await withdraw(referralId);
      const request = withdrawRequest(referralId);
      const events = decideReferral(
        stale.state,
        { type: 'WithdrawConsent', data: { at: new Date().toISOString() } },
        'sender',
      );

      await expect(
        context.run({ request, success: 200, at: new Date().toISOString() }, () =>
          writer.record(stale, events, 'sender'),
        ),
      ).rejects.toBeInstanceOf(ConcurrentCaseChangeError);

      expect(await recordsOf(referralId)).toEqual([]);
      expect(request[AUDITED_WITH_CHANGE]).toBeUndefined();
    });

    it('should write a referral a request creates — its key, the case, its message, the record — in one transaction of 4 statements, the key and the log’s lock taken by the case’s own', async () => {
      const statements: string[] = [];
      const counted = await scratch.open(2, (event) => {
        statements.push(event.query.sql);
      });
      try {
        const request = createRequest();
        const recordsBefore = await countRecords();

        const referralId = await context.run({ request, success: 201, at: new Date().toISOString() }, () =>
          sentReferral(stackOn(counted).writer),
        );

        expect(statements).toEqual([
          'begin',
          expect.stringMatching(
            /with added as \(insert into "cases".*insert into outbox.*insert into case_keys.*pg_notify.*pg_advisory_xact_lock/s,
          ),
          expect.stringMatching(/select "seq", "hash", "key_id" from "audit_log" order by "seq" desc limit/),
          expect.stringContaining('insert into "audit_log"'),
          'commit',
        ]);
        expect(await countRecords()).toBe(recordsBefore + 1);
        expect(request[AUDITED_WITH_CHANGE]).toBe(true);
        const queued = await scratch.db.selectFrom('outbox').select('type').where('case_id', '=', referralId).execute();
        expect(queued).toEqual([{ type: 'referral.requested.v1' }]);
        const key = await scratch.db
          .selectFrom('case_keys')
          .select('case_id')
          .where('case_id', '=', referralId)
          .execute();
        expect(key).toEqual([{ case_id: referralId }]);
      } finally {
        await counted.destroy();
      }
    });

    it('should record nothing for a change no user’s request made', async () => {
      const referralId = await sentReferral();

      const withdrawn = await withdraw(referralId);

      expect(withdrawn.state.status).toBe('withdrawn');
      expect(await recordsOf(referralId)).toEqual([]);
    });
  });
});
