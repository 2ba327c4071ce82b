import { randomBytes, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { MessageValidator, RECEIPT_TYPE } from '@enlace/contracts';
import { CaseKeyStore, PersonalDataVault, SealedUse } from '@enlace/privacy';
import { InboxEntry, InboxStore, ScratchNodeDatabase } from '@enlace/store';
import { NodeApiConfig, readNodeApiConfig } from '../config/node-api.config';
import { NodeTransactions } from '../database/node-transactions';
import { SealedCaseContent } from '../privacy/sealed-case-content';
import { ReferralCaseWriter } from '../referrals/application/referral-case.writer';
import { ReferralMessageApplier } from '../referrals/application/referral-message.applier';
import { ReferralsService } from '../referrals/application/referrals.service';
import { ReferralCaseRepository } from '../referrals/persistence/referral-case.repository';
import { InboxApplierService } from './inbox-applier.service';

/**
 * The inbox applier with the referral protocol's own applier, repository and writer, as node-api wires them: what
 * the courier stored becomes a change of a case, its messages and its inbox mark in one transaction.
 */
describe('InboxApplierService with referrals (on the real PostgreSQL)', () => {
  let scratch: ScratchNodeDatabase;
  let inbox: InboxStore;
  let vault: PersonalDataVault;
  let repository: ReferralCaseRepository;
  let referrals: ReferralsService;
  let applier: InboxApplierService;
  let config: NodeApiConfig;

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    scratch = await ScratchNodeDatabase.create('int_inbox_referral');
    inbox = new InboxStore(scratch.db);
    vault = new PersonalDataVault(new CaseKeyStore(scratch.db, { kid: 'test', key: randomBytes(32) }));
    const transactions = new NodeTransactions(scratch.db);
    repository = new ReferralCaseRepository(transactions, new SealedCaseContent(vault));
    const writer = new ReferralCaseWriter(repository, new MessageValidator());
    config = {
      ...readNodeApiConfig({
        ENLACE_COUNTRY: 'CO',
        ENLACE_NETWORK: 'int',
        ENLACE_JWT_SECRET: 'x'.repeat(32),
        DATABASE_URL: scratch.url,
        ENLACE_USERS_FILE: '/dev/null',
        ENLACE_CASE_KEK_FILE: '/unused',
      }),
    };
    referrals = new ReferralsService(config, repository, writer);
    applier = new InboxApplierService(
      config,
      inbox,
      transactions,
      [new ReferralMessageApplier(config, repository, writer)],
      vault,
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

  const inboxRow = (envelopeId: string) =>
    scratch.db.selectFrom('inbox').selectAll().where('envelope_id', '=', envelopeId).executeTakeFirstOrThrow();

  describe('applyPending', () => {
    it('should make a referral of a request, mark it applied and drop its payload, and refuse another with its id', async () => {
      const referralId = randomUUID();
      const request = {
        referralId,
        reason: 'AdditionalServicesRequired',
        servicesRequested: ['Health'],
        urgency: 'high',
        person: { firstName: 'Ana' },
        consent: { purpose: 'Referral for assistance', scope: ['identity'], recordedAt: '2025-01-01T00:00:00Z' },
        answerDueAt: new Date(Date.now() + 86_400_000).toISOString(),
        requestedAt: new Date().toISOString(),
      };
      const first = await arrive('referral.requested.v1', referralId, 'EC', request);
      const again = await arrive('referral.requested.v1', referralId, 'EC', request);

      await applier.applyPending();

      const referral = await repository.findById(referralId);
      expect(referral).toMatchObject({ direction: 'incoming', state: { status: 'delivered' }, version: 0 });
      expect(referral?.person).toEqual({ firstName: 'Ana' });
      expect(await inboxRow(first)).toMatchObject({ applied_at: expect.any(Date), sealed_payload: null });
      expect(await inboxRow(again)).toMatchObject({ applied_at: null, rejection_code: 'DUPLICATE_CASE' });
    });

    it('should apply a request and the withdrawal behind it in one round, the second on what the first wrote', async () => {
      const referralId = randomUUID();
      await arrive('referral.requested.v1', referralId, 'EC', {
        referralId,
        reason: 'AdditionalServicesRequired',
        servicesRequested: ['Health'],
        urgency: 'high',
        person: { firstName: 'Ana' },
        consent: { purpose: 'Referral for assistance', scope: ['identity'], recordedAt: '2025-01-01T00:00:00Z' },
        answerDueAt: new Date(Date.now() + 86_400_000).toISOString(),
        requestedAt: new Date().toISOString(),
      });
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
  });
});
