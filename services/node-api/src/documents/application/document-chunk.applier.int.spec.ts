import { AgencyScope } from '../../agencies/agency-scope';
import { RequestAuditContext } from '../../audit/request-audit.context';
import { randomBytes, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { MessageValidator } from '@enlace/contracts';
import { CaseKeyStore, PersonalDataVault, SealedUse } from '@enlace/privacy';
import type { ReferralState } from '@enlace/protocols';
import { InboxEntry, InboxStore, NodeDatabase, ScratchDatabase } from '@enlace/store';
import { ProtocolCaseMessageApplier } from '../../cases/application/protocol-case.message-applier';
import { ProtocolCaseWriter } from '../../cases/application/protocol-case.writer';
import { ProtocolCaseRepository } from '../../cases/persistence/protocol-case.repository';
import { NodeApiConfig, readNodeApiConfig } from '../../config/node-api.config';
import { NodeTransactions } from '../../database/node-transactions';
import { InboxApplierService } from '../../inbox/inbox-applier.service';
import { SealedCaseContent } from '../../privacy/sealed-case-content';
import { REFERRAL_CASE_PROTOCOL } from '../../referrals/domain/referral-case.protocol';
import type { ReferralDetails } from '../../referrals/domain/referral-details';
import { referralInboundRules } from '../../referrals/domain/referral-inbound.rules';
import { DOCUMENT_CHUNK_TYPE, DocumentChunkMessage } from '../domain/document-chunk.message';
import { documentChunks, documentDigest } from '../domain/document-chunks';
import { CaseDocumentRepository } from '../persistence/case-document.repository';
import { CaseDocumentsService } from './case-documents.service';
import { DocumentChunkApplier } from './document-chunk.applier';

/**
 * Document chunks arriving at a node (CO) through the inbox applier, beside the referral protocol, as node-api wires
 * them: kept sealed as they come, whatever their order; the whole checked against its digest.
 */
describe('DocumentChunkApplier (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  let inbox: InboxStore;
  let vault: PersonalDataVault;
  let applier: InboxApplierService;
  let documents: CaseDocumentsService;
  let config: NodeApiConfig;

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    scratch = await ScratchDatabase.forNode('int_document_chunks');
    inbox = new InboxStore(scratch.db);
    vault = new PersonalDataVault(new CaseKeyStore(scratch.db, { kid: 'test', key: randomBytes(32) }));
    const transactions = new NodeTransactions(scratch.db);
    const sealing = new SealedCaseContent(vault, transactions);
    const repository = new ProtocolCaseRepository<ReferralState, ReferralDetails>(
      transactions,
      'referral',
      sealing,
      REFERRAL_CASE_PROTOCOL.sealedDetails,
    );
    const validator = new MessageValidator();
    const writer = new ProtocolCaseWriter(REFERRAL_CASE_PROTOCOL, repository, validator);
    config = readNodeApiConfig({
      ENLACE_COUNTRY: 'CO',
      ENLACE_NETWORK: 'int',
      ENLACE_JWT_SECRET: 'x'.repeat(32),
      DATABASE_URL: scratch.url,
      ENLACE_USERS_FILE: '/dev/null',
      ENLACE_CASE_KEK_FILE: '/unused',
      ENLACE_AUDIT_KEY_FILE: '/unused',
    });
    const store = new CaseDocumentRepository(transactions);
    // no request in flight: the node's own work, which the gateway check lets through
    documents = new CaseDocumentsService(
      config,
      transactions,
      store,
      sealing,
      validator,
      new AgencyScope(new RequestAuditContext(), config),
    );
    applier = new InboxApplierService(
      config,
      inbox,
      transactions,
      [
        new ProtocolCaseMessageApplier(
          REFERRAL_CASE_PROTOCOL,
          repository,
          writer,
          referralInboundRules(config.country),
          config.country,
        ),
        new DocumentChunkApplier(store, sealing),
      ],
      vault,
      sealing,
    );
  }, 60_000);

  afterAll(() => scratch?.drop());

  /** Stores a message as the courier does: the payload sealed with its case's key. */
  async function arrive(type: string, caseId: string, from: string, payload: object): Promise<string> {
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

  /** EC refers a person to CO. */
  const referralFromEc = (referralId: string) =>
    arrive('referral.requested.v1', referralId, 'EC', {
      referralId,
      reason: 'AdditionalServicesRequired',
      servicesRequested: ['Health'],
      urgency: 'high',
      person: { firstName: 'Ana' },
      consent: { purpose: 'Referral for assistance', scope: ['identity'], recordedAt: '2025-01-01T00:00:00Z' },
      answerDueAt: new Date(Date.now() + 86_400_000).toISOString(),
      requestedAt: new Date().toISOString(),
    });

  /** The chunk messages of `content` for the case, as the sending node makes them. */
  function chunksOf(caseId: string, content: Buffer, digest = documentDigest(content)): DocumentChunkMessage[] {
    const documentId = randomUUID();
    const chunks = documentChunks(content);
    return chunks.map((chunk, index) => ({
      caseId,
      documentId,
      kind: 'identity-document',
      mediaType: 'image/png',
      size: content.length,
      sha256: digest,
      chunkCount: chunks.length,
      index,
      data: chunk.toString('base64'),
    }));
  }

  const png = (size: number) =>
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]);

  const inboxRow = (envelopeId: string) =>
    scratch.db.selectFrom('inbox').selectAll().where('envelope_id', '=', envelopeId).executeTakeFirstOrThrow();

  it('should keep chunks that come before their case, in any order and twice, and give the whole back once complete', async () => {
    const caseId = randomUUID();
    const content = png(3 * 196_608 + 5);
    const messages = chunksOf(caseId, content);
    const [first, second, third, last] = messages as [
      DocumentChunkMessage,
      DocumentChunkMessage,
      DocumentChunkMessage,
      DocumentChunkMessage,
    ];
    const early = await arrive(DOCUMENT_CHUNK_TYPE, caseId, 'EC', last);
    await applier.applyPending();
    expect(await inboxRow(early)).toMatchObject({ applied_at: null, rejection_code: null });

    await referralFromEc(caseId);
    for (const chunk of [third, first, third, second]) await arrive(DOCUMENT_CHUNK_TYPE, caseId, 'EC', chunk);
    // The waiting chunk is tried again with the messages of its case that arrive after it.
    await applier.applyPending();
    expect(await inboxRow(early)).toMatchObject({ applied_at: expect.any(Date), sealed_payload: null });

    const [listed] = await documents.list(caseId);
    expect(listed).toMatchObject({ origin: 'received', from_country: 'EC', status: 'received', chunk_count: 4 });
    const downloaded = await documents.download(caseId, first.documentId);
    expect(downloaded.content.equals(content)).toBe(true);
    const stored = await scratch.db
      .selectFrom('case_document_chunks')
      .select('sealed_data')
      .where('document_id', '=', first.documentId)
      .execute();
    expect(stored).toHaveLength(4);
    expect(stored.some((row) => row.sealed_data.includes(first.data.slice(0, 40)))).toBe(false);
  });

  it('should mark a document whose chunks do not add up to its digest corrupt, and keep none of its bytes', async () => {
    const caseId = randomUUID();
    await referralFromEc(caseId);
    const content = png(1000);
    const messages = chunksOf(caseId, content, documentDigest(png(1000)));
    for (const chunk of messages) await arrive(DOCUMENT_CHUNK_TYPE, caseId, 'EC', chunk);

    await applier.applyPending();

    const [listed] = await documents.list(caseId);
    expect(listed?.status).toBe('corrupt');
    await expect(documents.download(caseId, messages[0]?.documentId as string)).rejects.toMatchObject({
      code: 'DOCUMENT_NOT_COMPLETE',
    });
    const left = await scratch.db
      .selectFrom('case_document_chunks')
      .select('index')
      .where('document_id', '=', messages[0]?.documentId as string)
      .execute();
    expect(left).toEqual([]);
  });

  it('should set aside a chunk from a country that is not the other end of the case', async () => {
    const caseId = randomUUID();
    await referralFromEc(caseId);
    const [chunk] = chunksOf(caseId, png(100));
    const stranger = await arrive(DOCUMENT_CHUNK_TYPE, caseId, 'PE', chunk as DocumentChunkMessage);

    await applier.applyPending();

    expect(await inboxRow(stranger)).toMatchObject({ applied_at: null, rejection_code: 'NOT_COUNTERPART' });
    expect(await documents.list(caseId)).toEqual([]);
  });
});
