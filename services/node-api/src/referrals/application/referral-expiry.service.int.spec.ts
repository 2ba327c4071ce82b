import { randomBytes, randomUUID } from 'node:crypto';
import { MessageValidator } from '@enlace/contracts';
import { CaseKeyStore, PersonalDataVault, SealedUse } from '@enlace/privacy';
import { ReferralEvent, ReferralState, decideReferral } from '@enlace/protocols';
import { NodeDatabase, ScratchDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { ProtocolCaseActions } from '../../cases/application/protocol-case.actions';
import { ProtocolCaseWriter } from '../../cases/application/protocol-case.writer';
import { ProtocolCaseRepository } from '../../cases/persistence/protocol-case.repository';
import { NodeApiConfig, readNodeApiConfig } from '../../config/node-api.config';
import { NodeTransactions } from '../../database/node-transactions';
import { SealedCaseContent } from '../../privacy/sealed-case-content';
import { REFERRAL_CASE_PROTOCOL } from '../domain/referral-case.protocol';
import type { ReferralDetails } from '../domain/referral-details';
import { CreateReferralRequest } from '../dto/create-referral.request';
import { ReferralExpiryService } from './referral-expiry.service';
import { ReferralsService } from './referrals.service';

type ReferralRepository = ProtocolCaseRepository<ReferralState, ReferralDetails>;
type ReferralWriter = ProtocolCaseWriter<ReferralState, ReferralEvent, ReferralDetails>;

/** The referral protocol on the shared case machinery, as node-api wires it. */
function referralRepositoryOn(db: Kysely<NodeDatabase>): ReferralRepository {
  return new ProtocolCaseRepository(
    new NodeTransactions(db),
    'referral',
    new SealedCaseContent(vaultOn(db)),
    REFERRAL_CASE_PROTOCOL.sealedDetails,
  );
}

function referralsServiceOf(
  config: NodeApiConfig,
  repository: ReferralRepository,
  writer: ReferralWriter,
): ReferralsService {
  return new ReferralsService(
    config,
    repository,
    writer,
    new ProtocolCaseActions(REFERRAL_CASE_PROTOCOL, repository, writer),
  );
}

/** The sealing of personal data as node-api does it, with a key-encryption key of the test's own. */
const vaultOn = (db: Kysely<NodeDatabase>) =>
  new PersonalDataVault(new CaseKeyStore(db, { kid: 'test', key: randomBytes(32) }));

const request: CreateReferralRequest = {
  toCountry: 'EC',
  reason: 'AdditionalServicesRequired',
  servicesRequested: ['Health'],
  urgency: 'high',
  person: { firstName: 'Ana' },
  consent: { purpose: 'Referral for assistance', scope: ['identity'], recordedAt: '2025-01-01T00:00:00Z' },
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ReferralExpiryService (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  let repository: ReferralRepository;
  let vault: PersonalDataVault;
  let writer: ReferralWriter;

  /** The node's referral services with an answer period of `period`. */
  function servicesWith(
    period: string,
    grace?: string,
  ): { referrals: ReferralsService; expiry: ReferralExpiryService } {
    const config = readNodeApiConfig({
      ENLACE_COUNTRY: 'CO',
      ENLACE_NETWORK: 'int',
      ENLACE_JWT_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://unused',
      ENLACE_USERS_FILE: '/dev/null',
      ENLACE_CASE_KEK_FILE: '/unused',
      ENLACE_AUDIT_KEY_FILE: '/unused',
      ENLACE_REFERRAL_ANSWER_PERIOD: period,
      ...(grace ? { ENLACE_REFERRAL_EXPIRY_GRACE: grace } : {}),
    });
    const referrals = referralsServiceOf(config, repository, writer);
    return { referrals, expiry: new ReferralExpiryService(config, repository, referrals) };
  }

  /** A referral EC received from CO whose answer was due a minute ago. */
  async function overdueIncoming(): Promise<string> {
    const referralId = randomUUID();
    const now = Date.now();
    const events = decideReferral(
      undefined,
      {
        type: 'ReceiveReferral',
        data: {
          referralId,
          fromCountry: 'EC',
          toCountry: 'CO',
          answerDueAt: new Date(now - 60_000).toISOString(),
          sentAt: new Date(now - 120_000).toISOString(),
          at: new Date(now - 119_000).toISOString(),
        },
      },
      'receiver',
    );
    await writer.create(
      {
        _id: referralId,
        direction: 'incoming',
        details: { reason: 'Other', servicesRequested: ['Legal'], urgency: 'low' },
      },
      events,
      (event) => (event.type === 'ReferralDelivered' ? 'receiver' : 'sender'),
    );
    return referralId;
  }

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_expiry');
    vault = vaultOn(scratch.db);
    repository = new ProtocolCaseRepository(
      new NodeTransactions(scratch.db),
      'referral',
      new SealedCaseContent(vault),
      REFERRAL_CASE_PROTOCOL.sealedDetails,
    );
    writer = new ProtocolCaseWriter(REFERRAL_CASE_PROTOCOL, repository, new MessageValidator());
  }, 120_000);

  afterAll(() => scratch?.drop());

  describe('expireOverdue', () => {
    it('should let an unanswered outgoing referral expire once due, and queue referral.expired.v1', async () => {
      const { referrals, expiry } = servicesWith('PT0.2S');
      const created = await referrals.create(request);
      await pause(250);

      const round = await expiry.expireOverdue();

      expect(round.expired).toBeGreaterThanOrEqual(1);
      const expired = await repository.findById(created._id);
      expect(expired?.state.status).toBe('expired');
      expect(expired?.timeline.at(-1)).toMatchObject({ event: 'ReferralExpired', side: 'sender', status: 'expired' });
      expect(expired?.outbox.map((entry) => entry.type)).toEqual(['referral.requested.v1', 'referral.expired.v1']);
      // The message rests sealed with the case's key, bound to its envelope id, until the relay sends it.
      const queued = await scratch.db
        .selectFrom('outbox')
        .selectAll()
        .where('envelope_id', '=', expired?.outbox[1]?.envelopeId ?? '')
        .executeTakeFirstOrThrow();
      expect(queued.payload).toBeNull();
      expect(await vault.open(created._id, SealedUse.outbox(queued.envelope_id), queued.sealed_payload ?? '')).toEqual({
        referralId: created._id,
        expiredAt: expired?.state.lastChangedAt,
      });
      expect((await repository.findDueBy(new Date(), 100, 'outgoing')).map((referral) => referral.id)).not.toContain(
        created._id,
      );
    });

    it('should leave a referral the protocol does not find due yet', async () => {
      const { referrals, expiry } = servicesWith('PT1H');
      const created = await referrals.create(request);

      // The database is asked as of two hours later, but the protocol decides on the clock's now.
      const round = await expiry.expireOverdue(new Date(Date.now() + 2 * 3_600_000));

      expect(round.skipped).toBeGreaterThanOrEqual(1);
      expect((await repository.findById(created._id))?.state.status).toBe('sent');
    });

    it('should wait the grace past the due time, with the referral overdue meanwhile', async () => {
      const { referrals, expiry } = servicesWith('PT0.2S', 'PT1H');
      const created = await referrals.create(request);
      await pause(250);

      const round = await expiry.expireOverdue();

      expect(round.skipped).toBeGreaterThanOrEqual(1);
      expect((await repository.findById(created._id))?.state.status).toBe('sent');
      const overdue = await repository.list({ overdue: true, sort: 'updated', limit: 200, now: new Date() });
      expect(overdue.items.map((listed) => listed.document._id)).toContain(created._id);
    });

    it('should never expire a referral this node received: that is the sender’s decision', async () => {
      const { expiry } = servicesWith('P7D');
      const incoming = await overdueIncoming();

      await expiry.expireOverdue();

      expect((await repository.findById(incoming))?.state.status).toBe('delivered');
    });
  });
});

describe('ProtocolCaseRepository of referrals, overdue queries (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  let repository: ReferralRepository;
  let referrals: ReferralsService;

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_overdue');
    repository = referralRepositoryOn(scratch.db);
    const config = readNodeApiConfig({
      ENLACE_COUNTRY: 'CO',
      ENLACE_NETWORK: 'int',
      ENLACE_JWT_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://unused',
      ENLACE_USERS_FILE: '/dev/null',
      ENLACE_CASE_KEK_FILE: '/unused',
      ENLACE_AUDIT_KEY_FILE: '/unused',
      ENLACE_REFERRAL_ANSWER_PERIOD: 'PT1H',
    });
    referrals = referralsServiceOf(
      config,
      repository,
      new ProtocolCaseWriter(REFERRAL_CASE_PROTOCOL, repository, new MessageValidator()),
    );
  }, 120_000);

  afterAll(() => scratch?.drop());

  it('should list overdue and other referrals apart, by status and due time', async () => {
    const waiting = await referrals.create(request);
    const withdrawn = await referrals.withdraw((await referrals.create(request))._id, 'Found help locally');
    const inTwoHours = new Date(Date.now() + 2 * 3_600_000);
    const ids = async (filter: Omit<Parameters<ReferralRepository['list']>[0], 'sort' | 'limit'>) =>
      (await repository.list({ sort: 'updated', limit: 200, ...filter })).items
        .map((listed) => listed.document._id)
        .sort();

    expect(await ids({ overdue: true, now: inTwoHours })).toEqual([waiting._id]);
    expect(await ids({ overdue: true, now: new Date() })).toEqual([]);
    expect(await ids({ overdue: false, now: inTwoHours })).toEqual([withdrawn._id]);
    expect(await ids({ overdue: false, now: new Date() })).toEqual([waiting._id, withdrawn._id].sort());
    expect(await ids({ overdue: true, status: 'sent', now: inTwoHours })).toEqual([waiting._id]);
    expect(await ids({ overdue: true, status: 'withdrawn', now: inTwoHours })).toEqual([]);
    expect(await repository.findDueBy(inTwoHours, 10, 'outgoing')).toEqual([
      { id: waiting._id, due: new Date(waiting.state.answerDueAt ?? '') },
    ]);
  });
});
