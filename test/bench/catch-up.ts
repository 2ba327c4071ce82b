import { randomUUID } from 'node:crypto';
import { MessageValidator, messageSchemaId } from '@enlace/contracts';
import { EnvelopeSealer, FileMemberDirectory, loadNodeKeys } from '@enlace/envelope';
import { type LocalNetwork, type LocalNode, startNodeProcesses } from '@enlace/local-infra';
import { ConsumerGroups, KafkaEnvelopePublisher, TopicNames } from '@enlace/messaging';
import type { Kafka } from 'kafkajs';
import type { Kysely } from 'kysely';
import type { NodeDatabase } from '@enlace/store';
import { ArrivalTracker } from './arrival-tracker';
import { round } from './bench-stats';
import { PeakMemorySampler, processesOf } from './process-memory';

const SAMPLE_EVERY = 100;

/** Envelopes not yet stored and receipted by the node's courier: its group's lag on its inbox topic. */
async function courierLag(kafka: Kafka, network: string, country: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topic = TopicNames.inbox(network, country);
    const [ends, committed] = await Promise.all([
      admin.fetchTopicOffsets(topic),
      admin.fetchOffsets({ groupId: ConsumerGroups.courierInbox(network, country), topics: [topic] }),
    ]);
    const done = new Map(committed[0]?.partitions.map((p) => [p.partition, Number(p.offset)]) ?? []);
    return ends.reduce((lag, end) => {
      const at = done.get(end.partition) ?? -1;
      return lag + Number(end.high) - (at < 0 ? Number(end.low) : at);
    }, 0);
  } finally {
    await admin.disconnect();
  }
}

function referralRequested(referralId: string): Record<string, unknown> {
  const now = new Date();
  return {
    referralId,
    reason: 'AdditionalServicesRequired',
    reasonDetails: 'x'.repeat(600),
    servicesRequested: ['Health', 'SocialCare', 'Legal'],
    urgency: 'high',
    person: {
      firstName: 'Bench',
      secondName: 'Person',
      birthdate: '1999-04-02',
      gender: 'Feminine',
      nationality: 'CO',
    },
    consent: { purpose: 'Benchmark', scope: ['identity', 'health'], recordedAt: '2025-01-01T00:00:00Z' },
    answerDueAt: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
    requestedAt: now.toISOString(),
  };
}

/**
 * A node that was offline comes back to `count` envelopes waiting on its inbox topic. Every node is stopped; the
 * sender's envelopes are sealed and signed with its own keys and the project's EnvelopeSealer and produced with
 * KafkaEnvelopePublisher, as its courier would (the HTTP API is not in the timed part); then only the addressee
 * starts, and the drain is timed until its courier's group has committed them all — each stored in the inbox and
 * answered with a signed receipt (commit-after-success) — and until sampled cases are applied by its node API.
 */
export async function catchUp(options: {
  net: LocalNetwork;
  kafka: Kafka;
  from: LocalNode;
  to: LocalNode;
  toDb: Kysely<NodeDatabase>;
  count: number;
  timeoutSeconds: number;
}) {
  const { net, kafka, from, to, count } = options;
  await net.stop();
  const keysFile = from.spec.env['ENLACE_KEYS_FILE'];
  if (!keysFile) throw new Error(`no keys file for ${from.country}`);
  const sealer = new EnvelopeSealer(
    await loadNodeKeys(keysFile),
    await FileMemberDirectory.load(net.directoryFile),
    net.network,
  );
  const validator: MessageValidator = new MessageValidator();
  const publisher = new KafkaEnvelopePublisher(kafka);
  const tracker = new ArrivalTracker(options.toDb);
  const topic = TopicNames.inbox(net.network, to.country);
  const type = 'referral.requested.v1';
  const sealStarted = Date.now();
  let sealMs = 0;
  for (let done = 0; done < count;) {
    const records = [];
    const chunk = Math.min(1000, count - done);
    const t0 = Date.now();
    for (let i = 0; i < chunk; i++) {
      const referralId = randomUUID();
      const payload = referralRequested(referralId);
      if (done === 0 && i === 0) validator.assertPayload(type, payload);
      const wire = await sealer.seal(
        {
          id: randomUUID(),
          type,
          to: to.country,
          caseId: referralId,
          correlationId: referralId,
          schema: messageSchemaId(type),
        },
        payload,
      );
      records.push({ key: referralId, value: wire });
      if ((done + i) % SAMPLE_EVERY === 0 || done + i === count - 1) tracker.expect(referralId);
    }
    sealMs += Date.now() - t0;
    await publisher.publish(topic, records);
    done += chunk;
  }
  await publisher.disconnect();
  const producedSeconds = (Date.now() - sealStarted) / 1000;
  const waiting = await courierLag(kafka, net.network, to.country);

  const started = Date.now();
  const pids = await startNodeProcesses(to.spec);
  const sampler = new PeakMemorySampler(processesOf({ ...net, nodes: [{ ...to, pids }] })).start();
  const deadline = started + options.timeoutSeconds * 1000;
  let lag = waiting;
  let receiptedSeconds: number | null = null;
  const progress: { second: number; lag: number }[] = [];
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    lag = await courierLag(kafka, net.network, to.country).catch(() => lag);
    progress.push({ second: round((Date.now() - started) / 1000, 0), lag });
    if (lag === 0) {
      receiptedSeconds = (Date.now() - started) / 1000;
      break;
    }
  }
  await tracker.drain(Math.max(0, deadline - Date.now()));
  const appliedSeconds = tracker.pending === 0 ? (Math.max(...tracker.arrivedAt.values()) - started) / 1000 : null;
  const memoryUnderLoadMb = await sampler.stop();
  return {
    method:
      'envelopes sealed and signed as the sender with the project EnvelopeSealer and produced with KafkaEnvelopePublisher (not through the HTTP API); every node stopped meanwhile; then only the addressee started',
    envelopes: count,
    waitingOnInboxTopic: waiting,
    sealAndProduceSeconds: round(producedSeconds),
    sealMsPerEnvelope: round(sealMs / count, 2),
    drainedToPersistedAndReceiptedSeconds: receiptedSeconds === null ? null : round(receiptedSeconds),
    persistedAndReceiptedPerSecond:
      receiptedSeconds === null ? round((waiting - lag) / options.timeoutSeconds) : round(waiting / receiptedSeconds),
    leftAtTimeout: receiptedSeconds === null ? lag : 0,
    appliedToCasesSeconds: appliedSeconds === null ? null : round(appliedSeconds),
    appliedCheckedBySample: `1 in ${SAMPLE_EVERY} referral ids looked up at the receiver, and the last one`,
    appliedSampleLeft: tracker.pending,
    lagProgress: progress.filter((_, i) => i % 5 === 0 || i === progress.length - 1),
    memoryUnderLoadMb,
  };
}
