import { randomBytes, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { MessageValidator, messageSchemaId } from '@enlace/contracts';
import {
  DirectoryMember,
  EnvelopeOpener,
  EnvelopeSealer,
  InMemoryMemberDirectory,
  NodeKeys,
  generateNodeKeys,
} from '@enlace/envelope';
import {
  DeadLetterPublisher,
  KafkaEnvelopePublisher,
  KafkaInboxConsumer,
  PartitionHalted,
  TopicNames,
  createKafkaClient,
  parseBrokerList,
  provisionNetworkTopics,
} from '@enlace/messaging';
import { CaseKeyStore, KeyEncryptionKey, PersonalDataVault } from '@enlace/privacy';
import { InboxStore, NodeDatabase, ScratchDatabase } from '@enlace/store';
import { eventually, testInfra, uniqueName } from '@enlace/testing';
import { Kafka } from 'kafkajs';
import type { CourierConfig } from '../config/courier.config';
import { DeliveryReceiptSender } from './delivery-receipt.sender';
import { InboundEnvelopeHandler } from './inbound-envelope.handler';

async function member(country: string): Promise<{ keys: NodeKeys; entry: DirectoryMember }> {
  const { nodeKeys, publicKeys } = await generateNodeKeys(country);
  return {
    keys: nodeKeys,
    entry: {
      country,
      nodeId: `${country.toLowerCase()}-node-1`,
      organisations: [`${country} national focal point`],
      ...publicKeys,
      validFrom: '2020-01-01T00:00:00.000Z',
    },
  };
}

/**
 * EC's courier on the real broker and the real PostgreSQL with a key-encryption key that does not open its case
 * keys (the right id, the wrong bytes: a key file replaced by mistake). What arrives for a case it knows is neither
 * dead-lettered nor receipted nor lost: the partition waits; once the key is right, the message is stored once and
 * receipted.
 */
describe('InboundEnvelopeHandler with a wrong key-encryption key (on the real broker and PostgreSQL)', () => {
  const network = uniqueName('int-kek');
  let kafka: Kafka;
  let publisher: KafkaEnvelopePublisher;
  let scratch: ScratchDatabase<NodeDatabase>;

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    kafka = createKafkaClient({ brokers: parseBrokerList(testInfra().kafkaBrokers), clientId: 'int-kek' });
    publisher = new KafkaEnvelopePublisher(kafka);
    await provisionNetworkTopics(kafka, { network, countries: ['CO', 'EC'] });
    scratch = await ScratchDatabase.forNode('int_courier_kek');
  }, 60_000);

  afterAll(async () => {
    await publisher?.disconnect();
    await scratch?.drop();
  });

  it('should halt its inbox, dead-letter and receipt nothing, and store the message once the key is right', async () => {
    const [co, ec] = await Promise.all([member('CO'), member('EC')]);
    const directory = new InMemoryMemberDirectory([co.entry, ec.entry]);
    const right = new Uint8Array(randomBytes(32));
    // The node's case key for the referral, made under the right key-encryption key before the mistake.
    const referralId = randomUUID();
    await new CaseKeyStore(scratch.db, { kid: 'kek-ec', key: right }).getOrCreateMany([referralId]);
    const loaded: KeyEncryptionKey = { kid: 'kek-ec', key: new Uint8Array(randomBytes(32)) };
    const config = { network, country: 'EC' } as CourierConfig;
    const validator = new MessageValidator();
    const inbox = new InboxStore(scratch.db);
    const handler = new InboundEnvelopeHandler(
      new EnvelopeOpener(ec.keys, directory, network),
      validator,
      inbox,
      new DeadLetterPublisher(publisher, TopicNames.deadLetter(network, 'EC')),
      new DeliveryReceiptSender(config, publisher, new EnvelopeSealer(ec.keys, directory, network), validator),
      new PersonalDataVault(new CaseKeyStore(scratch.db, loaded)),
    );
    const type = 'referral.requested.v1';
    const header = {
      id: randomUUID(),
      type,
      network,
      from: 'CO',
      to: 'EC',
      caseId: referralId,
      correlationId: referralId,
      sentAt: new Date().toISOString(),
      schema: messageSchemaId(type),
    };
    const wire = await new EnvelopeSealer(co.keys, directory, network).seal(header, {
      referralId,
      reason: 'MigrationOrChangeOfLocation',
      servicesRequested: ['Health'],
      urgency: 'high',
      person: { firstName: 'Ana' },
      consent: { purpose: 'Referral for assistance', scope: ['identity'], recordedAt: '2025-03-13T16:00:00Z' },
      answerDueAt: '2025-03-21T09:30:00Z',
      requestedAt: '2025-03-14T09:30:00Z',
    });
    await publisher.publish(TopicNames.inbox(network, 'EC'), [{ key: referralId, value: wire }]);
    const admin = kafka.admin();
    await admin.connect();
    const recordsIn = async (topic: string) =>
      (await admin.fetchTopicOffsets(topic)).reduce((sum, partition) => sum + Number(partition.high), 0);
    const halts: PartitionHalted[] = [];
    const consumer = new KafkaInboxConsumer(kafka, {
      groupId: uniqueName('int-kek-courier'),
      topic: TopicNames.inbox(network, 'EC'),
      maxBatch: 100,
      firstHaltMs: 200,
      maxHaltMs: 500,
      onHalt: (halt) => halts.push(halt),
    });
    try {
      await consumer.startBatches((records) => handler.handleBatch(records));
      await eventually(async () => (halts.length >= 6 ? true : undefined), { timeoutMs: 30_000, what: 'halts' });

      // More tries than a poison message gets, and still nothing blamed on the sender.
      expect(halts[0]?.reason).toContain('does not open the key of case');
      expect(halts[0]?.reason).not.toContain(Buffer.from(right).toString('base64url'));
      expect(await recordsIn(TopicNames.deadLetter(network, 'EC'))).toBe(0);
      expect(await recordsIn(TopicNames.inbox(network, 'CO'))).toBe(0);
      expect(await inbox.has(header.id)).toBe(false);

      loaded.key.set(right); // the operator puts the node's own key file back

      await eventually(async () => ((await inbox.has(header.id)) ? true : undefined), {
        timeoutMs: 30_000,
        what: 'the message stored',
      });
      await eventually(async () => ((await recordsIn(TopicNames.inbox(network, 'CO'))) === 1 ? true : undefined), {
        timeoutMs: 10_000,
        what: 'one receipt',
      });
      expect(await recordsIn(TopicNames.deadLetter(network, 'EC'))).toBe(0);
      expect(await scratch.db.selectFrom('inbox').select('envelope_id').execute()).toEqual([
        { envelope_id: header.id },
      ]);
    } finally {
      await consumer.stop();
      await admin.disconnect();
    }
  }, 90_000);
});
