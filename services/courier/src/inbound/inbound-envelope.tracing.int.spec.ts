import { randomBytes, randomUUID } from 'node:crypto';
import { MessageValidator, messageSchemaId } from '@enlace/contracts';
import {
  DirectoryMember,
  EnvelopeOpener,
  EnvelopeSealer,
  InMemoryMemberDirectory,
  generateNodeKeys,
} from '@enlace/envelope';
import {
  DeadLetterPublisher,
  KafkaEnvelopePublisher,
  KafkaInboxConsumer,
  TopicNames,
  createKafkaClient,
  parseBrokerList,
  provisionNetworkTopics,
} from '@enlace/messaging';
import { startEnvelopeSpan, startTracing, traceparentOf } from '@enlace/observability/tracing';
import { CaseKeyStore, PersonalDataVault } from '@enlace/privacy';
import { InboxStore, NodeDatabase, ScratchDatabase } from '@enlace/store';
import { eventually, readTopicRecords, testInfra, uniqueName } from '@enlace/testing';
import { tracing, type NodeSDK } from '@opentelemetry/sdk-node';
import { Kafka } from 'kafkajs';
import type { CourierConfig } from '../config/courier.config';
import { DeliveryReceiptSender } from './delivery-receipt.sender';
import { InboundEnvelopeHandler } from './inbound-envelope.handler';

async function member(country: string) {
  const { nodeKeys, publicKeys } = await generateNodeKeys(country);
  const entry: DirectoryMember = {
    country,
    nodeId: `${country.toLowerCase()}-node-1`,
    organisations: [`${country} national focal point`],
    ...publicKeys,
    validFrom: '2020-01-01T00:00:00.000Z',
  };
  return { keys: nodeKeys, entry };
}

/**
 * An envelope's trace across the border, on the real broker and PostgreSQL, with the SDK's in-memory span exporter:
 * CO's send span names the trace in the record's traceparent header; EC's courier receives it in a child span of
 * that one and keeps the receipt's context with the inbox entry, for the apply. No span holds the person's name.
 */
describe('InboundEnvelopeHandler tracing (on the real broker and PostgreSQL)', () => {
  const network = uniqueName('int-trace');
  const marker = `Zq${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const exporter = new tracing.InMemorySpanExporter();
  let sdk: NodeSDK | undefined;
  let kafka: Kafka;
  let publisher: KafkaEnvelopePublisher;
  let scratch: ScratchDatabase<NodeDatabase>;

  beforeAll(async () => {
    // Enlace's own spans only: Jest's module loader passes by the instrumentations' hooks (the e2e test covers them
    // in real processes), and a patched core module would outlive this file. No resource detection: a span is
    // exported when it ends.
    sdk = startTracing(
      'int-trace',
      {},
      { spanProcessors: [new tracing.SimpleSpanProcessor(exporter)], resourceDetectors: [], instrumentations: [] },
    );
    kafka = createKafkaClient({ brokers: parseBrokerList(testInfra().kafkaBrokers), clientId: 'int-trace' });
    publisher = new KafkaEnvelopePublisher(kafka);
    await provisionNetworkTopics(kafka, { network, countries: ['CO', 'EC'] });
    scratch = await ScratchDatabase.forNode('int_courier_trace');
  }, 60_000);

  afterAll(async () => {
    await publisher?.disconnect();
    await scratch?.drop();
    await sdk?.shutdown();
  });

  it("should continue the sender's trace in its receive span and keep its context with the inbox entry", async () => {
    const [co, ec] = await Promise.all([member('CO'), member('EC')]);
    const directory = new InMemoryMemberDirectory([co.entry, ec.entry]);
    const kek = { kid: 'kek-ec', key: new Uint8Array(randomBytes(32)) };
    const config = { network, country: 'EC' } as CourierConfig;
    const validator = new MessageValidator();
    const inbox = new InboxStore(scratch.db);
    const handler = new InboundEnvelopeHandler(
      new EnvelopeOpener(ec.keys, directory, network),
      validator,
      inbox,
      new DeadLetterPublisher(publisher, TopicNames.deadLetter(network, 'EC')),
      new DeliveryReceiptSender(config, publisher, new EnvelopeSealer(ec.keys, directory, network), validator),
      new PersonalDataVault(new CaseKeyStore(scratch.db, kek)),
    );
    const referralId = randomUUID();
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
      person: { firstName: marker },
      consent: { purpose: 'Referral for assistance', scope: ['identity'], recordedAt: '2025-03-13T16:00:00Z' },
      answerDueAt: '2025-03-21T09:30:00Z',
      requestedAt: '2025-03-14T09:30:00Z',
    });
    const send = startEnvelopeSpan('envelope send', undefined);
    const traceparent = traceparentOf(send) as string;
    await publisher.publish(TopicNames.inbox(network, 'EC'), [{ key: referralId, value: wire, traceparent }]);
    send.end();

    const consumer = new KafkaInboxConsumer(kafka, {
      groupId: uniqueName('int-trace-courier'),
      topic: TopicNames.inbox(network, 'EC'),
      maxBatch: 100,
    });
    try {
      await consumer.startBatches((records) => handler.handleBatch(records));
      const [entry] = await eventually(
        async () => {
          const found = await inbox.findUnapplied(10);
          return found.length > 0 ? found : undefined;
        },
        { timeoutMs: 30_000, what: 'the message stored' },
      );
      // ended once the batch is stored and receipted
      const receive = await eventually(
        async () => exporter.getFinishedSpans().find((span) => span.name === 'envelope receive'),
        { timeoutMs: 10_000, what: 'the receive span' },
      );

      const [record] = await readTopicRecords(kafka, TopicNames.inbox(network, 'EC'), 1);
      expect(record?.headers).toEqual({ traceparent });
      expect(receive?.spanContext().traceId).toBe(send.spanContext().traceId);
      expect(receive?.parentSpanContext?.spanId).toBe(send.spanContext().spanId);
      expect(receive?.attributes).toEqual({
        'enlace.envelope.id': header.id,
        'enlace.envelope.type': type,
        'enlace.envelope.from': 'CO',
        'enlace.envelope.to': 'EC',
      });
      expect(entry?.traceparent).toBe(`00-${send.spanContext().traceId}-${receive?.spanContext().spanId}-01`);
      expect(JSON.stringify(exporter.getFinishedSpans().map((span) => [span.name, span.attributes]))).not.toContain(
        marker,
      );
    } finally {
      await consumer.stop();
    }
  }, 90_000);
});
