import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DirectoryAuthority,
  DirectoryEntryVerifier,
  EnvelopeSealer,
  EnvelopeVerifier,
  SignedMemberDirectory,
  generateNodeKeys,
  loadTrustAnchors,
  type GeneratedNodeKeys,
  type NodeKeys,
} from '@enlace/envelope';
import { testInfra, uniqueName } from '@enlace/testing';
import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DirectoryEntryPublisher } from './directory-entry.publisher';
import { createKafkaClient, parseBrokerList } from './kafka-client.factory';
import { KafkaEnvelopePublisher } from './kafka-envelope-publisher';
import { KafkaMemberDirectory } from './kafka-member-directory';
import { TopicNames } from './topic-names';
import { provisionNetworkTopics } from './topic-provisioner';

describe('KafkaMemberDirectory (on the real broker)', () => {
  const network = uniqueName('dir');
  let folder: string;
  let kafka: Kafka;
  let producer: KafkaEnvelopePublisher;
  let publisher: DirectoryEntryPublisher;
  let authority: DirectoryAuthority;
  let directory: KafkaMemberDirectory;
  let ec: GeneratedNodeKeys;

  async function issue(keys: GeneratedNodeKeys, country: string): Promise<void> {
    const [signingKey, encryptionKey] = [keys.publicKeys.signingKeys[0], keys.publicKeys.encryptionKeys[0]];
    if (!signingKey || !encryptionKey) throw new Error('no keys');
    const issued = await authority.issue({
      country,
      nodeId: `${country.toLowerCase()}-node-1`,
      organisations: [{ name: `${country} focal point` }],
      signingKey,
      encryptionKey,
      validFrom: '2020-01-01T00:00:00.000Z',
    });
    await publisher.publish([{ country, signed: issued.signed }]);
  }

  function envelopeFrom(keys: NodeKeys): Promise<string> {
    return new EnvelopeSealer(keys, directory, network).seal(
      {
        id: randomUUID(),
        type: 'referral.requested.v1',
        to: 'EC',
        caseId: randomUUID(),
        correlationId: randomUUID(),
        schema: 'urn:enlace:message:referral.requested.v1',
      },
      { any: 'thing' },
    );
  }

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'enlace-directory-int-'));
    kafka = createKafkaClient({ brokers: parseBrokerList(testInfra().kafkaBrokers), clientId: 'int-directory' });
    await provisionNetworkTopics(kafka, { network, countries: ['CO', 'EC', 'PE'] });
    producer = new KafkaEnvelopePublisher(kafka);
    publisher = new DirectoryEntryPublisher(producer, network);
    authority = await DirectoryAuthority.open(join(folder, 'authority'), network);
    ec = await generateNodeKeys('EC');
    await issue(ec, 'EC');
    // A record no trust anchor signed: ignored by every node.
    await publisher.publish([{ country: 'BO', signed: 'eyJhbGciOiJFZERTQSJ9.e30.c2lnbmF0dXJl' }]);

    const anchors = await loadTrustAnchors(authority.trustAnchorsFile);
    directory = new KafkaMemberDirectory(kafka, new SignedMemberDirectory(new DirectoryEntryVerifier(anchors)), {
      network,
      reader: { country: 'EC' },
    });
    await directory.start();
  }, 60_000);

  afterAll(async () => {
    await directory?.stop();
    await producer?.disconnect();
    await rm(folder, { recursive: true, force: true });
  });

  it('should know, once started, every member a trust anchor signed, and no other', () => {
    expect(directory.member('EC')?.nodeId).toBe('ec-node-1');
    expect(directory.member('BO')).toBeUndefined();
  });

  it('should trust a member issued after it started, rotate its key with an overlap, and refuse it once revoked', async () => {
    const pe = await generateNodeKeys('PE');
    const verifier = new EnvelopeVerifier(directory, network);
    await issue(pe, 'PE');

    await directory.refresh();
    const signedWithOldKey = await envelopeFrom(pe.nodeKeys);
    await expect(verifier.verify(signedWithOldKey)).resolves.toMatchObject({ header: { from: 'PE' } });

    const rotated = await generateNodeKeys('PE');
    const newKey = rotated.publicKeys.signingKeys[0];
    if (!newKey) throw new Error('no key');
    await publisher.publish([{ country: 'PE', signed: (await authority.rotate('PE', newKey, 3_600_000)).signed }]);
    await directory.refresh();
    const signedWithNewKey = await envelopeFrom({ ...pe.nodeKeys, signing: rotated.nodeKeys.signing });
    await expect(verifier.verify(signedWithOldKey)).resolves.toMatchObject({ header: { from: 'PE' } });
    await expect(verifier.verify(signedWithNewKey)).resolves.toMatchObject({ header: { from: 'PE' } });

    await publisher.publish([{ country: 'PE', signed: (await authority.revoke('PE')).signed }]);
    await directory.refresh();
    await expect(verifier.verify(signedWithNewKey)).rejects.toMatchObject({ code: 'REVOKED_SENDER' });

    const revoked = await authority.issued('PE');
    await publisher.publish([{ country: 'PE', signed: (await authority.remove('PE')).signed }]);
    await directory.refresh();
    await expect(verifier.verify(signedWithNewKey)).rejects.toMatchObject({ code: 'UNKNOWN_SENDER' });

    // the revocation replayed after the removal changes nothing: the removal is remembered
    await publisher.publish([{ country: 'PE', signed: (revoked as { signed: string }).signed }]);
    await directory.refresh();
    await expect(verifier.verify(signedWithNewKey)).rejects.toMatchObject({ code: 'UNKNOWN_SENDER' });
    expect(directory.member('PE')).toBeUndefined();
  }, 60_000);

  it('should ignore an unsigned tombstone: the member stays', async () => {
    const bo = await generateNodeKeys('BO');
    await issue(bo, 'BO');
    await directory.refresh();
    expect(directory.member('BO')).toBeDefined();

    await producer.publish(TopicNames.directory(network), [{ key: 'BO', value: null }]);
    await issue(await generateNodeKeys('AR'), 'AR'); // a later record, to know the tombstone was read
    await directory.refresh();

    expect(directory.member('AR')).toBeDefined();
    expect(directory.member('BO')).toBeDefined();
  }, 60_000);
});
