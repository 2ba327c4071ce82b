import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Logger } from '@nestjs/common';
import { MessageValidator, RECEIPT_TYPE } from '@enlace/contracts';
import { CaseKeyStore, PersonalDataVault, SealedUse } from '@enlace/privacy';
import type { ReferralState } from '@enlace/protocols';
import { InboxEntry, InboxStore, NodeDatabase, ScratchDatabase } from '@enlace/store';
import { ProtocolCaseActions } from '../cases/application/protocol-case.actions';
import { ProtocolCaseMessageApplier } from '../cases/application/protocol-case.message-applier';
import { ProtocolCaseWriter } from '../cases/application/protocol-case.writer';
import { ProtocolCaseRepository } from '../cases/persistence/protocol-case.repository';
import { NodeApiConfig, readNodeApiConfig } from '../config/node-api.config';
import { NodeTransactions } from '../database/node-transactions';
import { SealedCaseContent } from '../privacy/sealed-case-content';
import { ReferralsService } from '../referrals/application/referrals.service';
import { REFERRAL_CASE_PROTOCOL } from '../referrals/domain/referral-case.protocol';
import type { ReferralDetails } from '../referrals/domain/referral-details';
import { referralInboundRules } from '../referrals/domain/referral-inbound.rules';
import { InboxApplierService, MAX_APPLY_TRIES } from './inbox-applier.service';

/**
 * The inbox applier with the referral protocol on the shared case machinery, as node-api wires them: what the
 * courier stored becomes a change of a case, its messages and its inbox mark in one transaction.
 */
describe('InboxApplierService with referrals (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  let inbox: InboxStore;
  let vault: PersonalDataVault;
  let repository: ProtocolCaseRepository<ReferralState, ReferralDetails>;
  let referrals: ReferralsService;
  let applier: InboxApplierService;
  let config: NodeApiConfig;

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    scratch = await ScratchDatabase.forNode('int_inbox_referral');
    inbox = new InboxStore(scratch.db);
    vault = new PersonalDataVault(new CaseKeyStore(scratch.db, { kid: 'test', key: randomBytes(32) }));
    const transactions = new NodeTransactions(scratch.db);
    const sealing = new SealedCaseContent(vault, transactions);
    repository = new ProtocolCaseRepository(transactions, 'referral', sealing, REFERRAL_CASE_PROTOCOL.sealedDetails);
    const writer = new ProtocolCaseWriter(REFERRAL_CASE_PROTOCOL, repository, new MessageValidator());
    config = {
      ...readNodeApiConfig({
        ENLACE_COUNTRY: 'CO',
        ENLACE_NETWORK: 'int',
        ENLACE_JWT_SECRET: 'x'.repeat(32),
        DATABASE_URL: scratch.url,
        ENLACE_USERS_FILE: '/dev/null',
        ENLACE_CASE_KEK_FILE: '/unused',
        ENLACE_AUDIT_KEY_FILE: '/unused',
      }),
    };
    referrals = new ReferralsService(
      config,
      repository,
      writer,
      new ProtocolCaseActions(REFERRAL_CASE_PROTOCOL, repository, writer),
    );
    const rules = referralInboundRules(config.country);
    applier = new InboxApplierService(
      config,
      inbox,
      transactions,
      [new ProtocolCaseMessageApplier(REFERRAL_CASE_PROTOCOL, repository, writer, rules, config.country)],
      vault,
      sealing,
    );
  }, 60_000);

  afterAll(() => scratch?.drop());

  /** Stores a message as the courier does: the payload sealed with its case's key. */
  async function arrive(type: string, caseId: string, from: string, payload: Record<string, unknown>): Promise<string> {
    const envelopeId = randomUUID();
    const [sealed] = await vault.sealMany([{ caseId, purpose: SealedUse.inbox(envelopeId), value: payload }]);
    const entry: InboxEntry = {
      envelopeId,
      type,
      from,
      caseId,
      correlationId: caseId,
      sentAt: new Date(),
      receivedAt: new Date(),
      digest: 'digest',
      ...(sealed ? { sealedPayload: sealed } : {}),
    };
    await inbox.record([entry]);
    return envelopeId;
  }

  /** A referral request as EC's node sends it, for a referral of the given id. */
  const requestFrom = (referralId: string) => ({
    referralId,
    reason: 'AdditionalServicesRequired',
    servicesRequested: ['Health'],
    urgency: 'high',
    person: { firstName: 'Ana' },
    consent: { purpose: 'Referral for assistance', scope: ['identity'], recordedAt: '2025-01-01T00:00:00Z' },
    answerDueAt: new Date(Date.now() + 86_400_000).toISOString(),
    requestedAt: new Date().toISOString(),
  });

  const inboxRow = (envelopeId: string) =>
    scratch.db.selectFrom('inbox').selectAll().where('envelope_id', '=', envelopeId).executeTakeFirstOrThrow();

  describe('applyPending', () => {
    it('should make a referral of a request, mark it applied and drop its payload, and refuse another with its id', async () => {
      const referralId = randomUUID();
      const request = requestFrom(referralId);
      const first = await arrive('referral.requested.v1', referralId, 'EC', request);
      const again = await arrive('referral.requested.v1', referralId, 'EC', request);

      await applier.applyPending();

      const referral = await repository.findById(referralId);
      expect(referral).toMatchObject({ direction: 'incoming', state: { status: 'delivered' }, version: 0 });
      expect(referral?.person).toEqual({ firstName: 'Ana' });
      expect(await inboxRow(first)).toMatchObject({ applied_at: expect.any(Date), sealed_payload: null });
      expect(await inboxRow(again)).toMatchObject({ applied_at: null, rejection_code: 'DUPLICATE_CASE' });
    });

    it('should refuse as WRONG_COUNTERPART a step of a referral sent by a country that is not its other end', async () => {
      const referralId = randomUUID();
      await arrive('referral.requested.v1', referralId, 'EC', requestFrom(referralId));
      await applier.applyPending();
      // PE reads the case id in a header and tries to withdraw a referral between EC and CO
      const forged = await arrive('referral.withdrawn.v1', referralId, 'PE', {
        referralId,
        reason: 'Found help locally',
        withdrawnAt: new Date().toISOString(),
      });

      await applier.applyPending();

      expect(await inboxRow(forged)).toMatchObject({ applied_at: null, rejection_code: 'WRONG_COUNTERPART' });
      const untouched = await repository.findById(referralId);
      expect(untouched).toMatchObject({ state: { status: 'delivered' }, version: 0 });
    });

    it('should apply a request and the withdrawal behind it in one round, the second on what the first wrote', async () => {
      const referralId = randomUUID();
      await arrive('referral.requested.v1', referralId, 'EC', requestFrom(referralId));
      await arrive('referral.withdrawn.v1', referralId, 'EC', {
        referralId,
        reason: 'Found help locally',
        withdrawnAt: new Date().toISOString(),
      });

      await applier.applyPending();

      const withdrawn = await repository.findById(referralId);
      expect(withdrawn?.state.status).toBe('withdrawn');
      expect(withdrawn?.version).toBe(1);
      expect(withdrawn?.timeline.map((entry) => entry.event)).toEqual([
        'ReferralSent',
        'ReferralDelivered',
        'ReferralWithdrawn',
      ]);
      const stored = await scratch.db
        .selectFrom('cases')
        .select(['due', 'status'])
        .where('id', '=', referralId)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ due: null, status: 'withdrawn' });
    });

    it('should note a receipt on the receipted message and the referral, once', async () => {
      const created = await referrals.create({
        toCountry: 'EC',
        reason: 'AdditionalServicesRequired',
        servicesRequested: ['Health'],
        urgency: 'high',
        person: { firstName: 'Ana' },
        consent: { purpose: 'Referral for assistance', scope: ['identity'], recordedAt: '2025-01-01T00:00:00Z' },
      });
      const [request] = created.outbox;
      const receipt = await arrive(RECEIPT_TYPE, created._id, 'EC', {
        receivedEnvelopeId: request?.envelopeId,
        receivedAt: new Date().toISOString(),
      });

      await applier.applyPending();
      await applier.applyPending();

      const delivered = await repository.findById(created._id);
      expect(delivered?.state.status).toBe('delivered');
      expect(delivered?.version).toBe(created.version + 1);
      expect(delivered?.outbox[0]?.deliveredAt).toEqual(expect.any(Date));
      expect(delivered?.timeline.filter((entry) => entry.event === 'ReferralDelivered')).toHaveLength(1);
      expect(await inboxRow(receipt)).toMatchObject({ applied_at: expect.any(Date) });
    });

    it('should let a step that came before the one it follows wait, and apply it once that one is here', async () => {
      const created = await referrals.create({
        toCountry: 'EC',
        reason: 'AdditionalServicesRequired',
        servicesRequested: ['Health'],
        urgency: 'high',
        person: { firstName: 'Ana' },
        consent: { purpose: 'Referral for assistance', scope: ['identity'], recordedAt: '2025-01-01T00:00:00Z' },
      });
      const started = await arrive('referral.service-started.v1', created._id, 'EC', {
        referralId: created._id,
        startedAt: new Date().toISOString(),
      });

      await applier.applyPending();

      expect(await inboxRow(started)).toMatchObject({ applied_at: null, rejection_code: null });
      expect((await repository.findById(created._id))?.state.status).toBe('sent');

      await arrive('referral.accepted.v1', created._id, 'EC', {
        referralId: created._id,
        acceptedAt: new Date().toISOString(),
        note: 'A place at the shelter.',
      });
      await applier.applyPending();

      const inService = await repository.findById(created._id);
      expect(inService?.state.status).toBe('in-service');
      expect(inService?.timeline.slice(-2)).toEqual([
        expect.objectContaining({ event: 'ReferralAccepted', side: 'receiver', detail: 'A place at the shelter.' }),
        expect.objectContaining({ event: 'ServiceStarted', side: 'receiver', status: 'in-service' }),
      ]);
      expect(await inboxRow(started)).toMatchObject({ applied_at: expect.any(Date) });
    });

    it('should erase the person and the sealed details when the other end withdraws consent, and confirm it', async () => {
      const referralId = randomUUID();
      await arrive('referral.requested.v1', referralId, 'EC', {
        ...requestFrom(referralId),
        reasonDetails: 'Needs shelter on arrival.',
      });
      await applier.applyPending();
      expect((await repository.findById(referralId))?.details?.reasonDetails).toBe('Needs shelter on arrival.');

      await arrive('referral.consent-withdrawn.v1', referralId, 'EC', { referralId, at: new Date().toISOString() });
      await applier.applyPending();

      const erased = await repository.findById(referralId);
      expect(erased?.state.status).toBe('consent-withdrawn');
      expect(erased?.person).toBeUndefined();
      expect(erased?.details).toEqual({
        reason: 'AdditionalServicesRequired',
        servicesRequested: ['Health'],
        urgency: 'high',
      });
      expect(erased?.erasure).toEqual({ erasedAt: expect.any(String), confirmedBy: [] });
      expect(erased?.outbox.map((entry) => [entry.type, entry.to])).toEqual([['consent.erasure-confirmed.v1', 'EC']]);
      const row = await scratch.db
        .selectFrom('cases')
        .select(['personal'])
        .where('id', '=', referralId)
        .executeTakeFirstOrThrow();
      expect(row.personal).toBeNull();
    });

    it('should record the other end’s confirmation of its erasure after this end withdrew consent', async () => {
      const created = await referrals.create({
        toCountry: 'EC',
        reason: 'AdditionalServicesRequired',
        servicesRequested: ['Health'],
        urgency: 'high',
        person: { firstName: 'Ana' },
        consent: { purpose: 'Referral for assistance', scope: ['identity'], recordedAt: '2025-01-01T00:00:00Z' },
      });
      const withdrawn = await referrals.withdrawConsent(created._id);
      expect(withdrawn.erasure).toEqual({ erasedAt: expect.any(String), confirmedBy: [] });
      const erasedAt = new Date().toISOString();

      await arrive('consent.erasure-confirmed.v1', created._id, 'EC', {
        caseId: created._id,
        protocol: 'referral',
        country: 'EC',
        erasedAt,
      });
      await applier.applyPending();

      const confirmed = await repository.findById(created._id);
      expect(confirmed?.person).toBeUndefined();
      // The confirmation came after the case's key was destroyed here: it is kept without payload, dated as sent.
      expect(confirmed?.erasure?.confirmedBy).toEqual([{ country: 'EC', at: expect.any(String) }]);
    });

    it('should let a step of a referral whose request has not arrived wait for it, then apply both', async () => {
      const referralId = randomUUID();
      const withdrawn = await arrive('referral.withdrawn.v1', referralId, 'EC', {
        referralId,
        reason: 'person chose to stay',
        withdrawnAt: new Date().toISOString(),
      });

      await applier.applyPending();
      expect(await inboxRow(withdrawn)).toMatchObject({
        applied_at: null,
        rejection_code: null,
        not_before: expect.any(Date),
      });

      await arrive('referral.requested.v1', referralId, 'EC', requestFrom(referralId));
      await applier.applyPending();

      expect(await inboxRow(withdrawn)).toMatchObject({ applied_at: expect.any(Date), rejection_code: null });
      expect((await repository.findById(referralId))?.state.status).toBe('withdrawn');
    });

    it('should take an answer that crosses the sender’s withdrawal without waiting for anything', async () => {
      const created = await referrals.create({
        toCountry: 'EC',
        reason: 'AdditionalServicesRequired',
        servicesRequested: ['Health'],
        urgency: 'high',
        person: { firstName: 'Ana' },
        consent: { purpose: 'Referral for assistance', scope: ['identity'], recordedAt: '2025-01-01T00:00:00Z' },
      });
      await referrals.withdraw(created._id, 'person chose to stay');
      const accepted = await arrive('referral.accepted.v1', created._id, 'EC', {
        referralId: created._id,
        acceptedAt: new Date().toISOString(),
      });

      await applier.applyPending();

      expect(await inboxRow(accepted)).toMatchObject({ applied_at: expect.any(Date), not_before: null });
      expect((await repository.findById(created._id))?.state.status).toBe('withdrawn');
    });

    it('should set aside an answer that fails for a real cause with its payload, and apply it once when applied again after the fix', async () => {
      const created = await referrals.create({
        toCountry: 'EC',
        reason: 'AdditionalServicesRequired',
        servicesRequested: ['Health'],
        urgency: 'high',
        person: { firstName: 'Ana' },
        consent: { purpose: 'Referral for assistance', scope: ['identity'], recordedAt: '2025-01-01T00:00:00Z' },
      });
      // The cause: a rule in the database that refuses the change (as a bug or a wrong setting would).
      await sql`create or replace function int_refuse_acceptance() returns trigger language plpgsql as $$
        begin raise exception 'acceptances refused here'; end $$`.execute(scratch.db);
      await sql`create trigger int_refuse_acceptance before update on cases for each row
        when (new.status = 'accepted') execute function int_refuse_acceptance()`.execute(scratch.db);
      const acceptance = {
        referralId: created._id,
        acceptedAt: new Date().toISOString(),
        note: 'A place at the shelter.',
      };
      const accepted = await arrive('referral.accepted.v1', created._id, 'EC', acceptance);
      try {
        for (let round = 1; round <= MAX_APPLY_TRIES; round++) await applier.applyPending().catch(() => undefined);
        const setAside = await inboxRow(accepted);
        expect(setAside).toMatchObject({
          applied_at: null,
          rejection_code: 'APPLY_FAILED',
          set_aside_at: expect.any(Date),
        });
        expect(setAside.rejection_detail).not.toContain('acceptances refused');
        expect(setAside.sealed_payload).toEqual(expect.any(String));
        expect((await repository.findById(created._id))?.state.status).toBe('sent');
      } finally {
        await sql`drop trigger if exists int_refuse_acceptance on cases`.execute(scratch.db);
      }

      const [first, second] = await Promise.all([inbox.reapply([accepted]), inbox.reapply([accepted])]);
      await Promise.all([applier.applyPending(), applier.applyPending()]);
      await applier.applyPending();

      expect([...first, ...second]).toEqual([accepted]);
      const answered = await repository.findById(created._id);
      expect(answered?.state.status).toBe('accepted');
      expect(answered?.timeline.filter((entry) => entry.event === 'ReferralAccepted')).toEqual([
        expect.objectContaining({ side: 'receiver', detail: 'A place at the shelter.' }),
      ]);
      expect(await inboxRow(accepted)).toMatchObject({
        applied_at: expect.any(Date),
        reapplied: 1,
        sealed_payload: null,
      });
    });
  });
});
