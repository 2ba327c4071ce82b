import { Kafka } from 'kafkajs';
import mongoose, { Connection } from 'mongoose';
import { TopicNames } from '@enlace/messaging';
import { CaseCollections, INBOX_COLLECTION, InboxEntry, OutboxEntry } from '@enlace/store';
import { TopicRecord, readTopicRecords } from '@enlace/testing';
import type { InjectedGarbage } from './envelope-faults.injector';

interface StoredReferral {
  _id: string;
  direction: 'outgoing' | 'incoming';
  state: { status: string; counterpart?: string };
  timeline: { event: string; side: string }[];
  appliedEnvelopeIds: string[];
  outbox: OutboxEntry[];
  outboxPending: number;
}

/** What the checks found, as counts: the suite prints them and asserts on them. */
export interface LedgerCounts {
  lifecyclesDriven: number;
  lifecyclesClosedAtBothEnds: number;
  referralsAtSenders: number;
  /** A referral whose two ends disagree on its status, or that one end does not have. */
  endsDisagreeing: number;
  /** A case whose timeline shows one step twice, or that lists one envelope as applied twice. */
  effectsTwice: number;
  envelopesSent: number;
  envelopesWithoutReceipt: number;
  outboxEntriesLeft: number;
  inboxEntriesNotApplied: number;
  inboxEntriesSetAside: number;
  deadLetters: number;
  deadLettersNotInjected: number;
  injectedGarbageNotDeadLettered: number;
}

/** Reads every node's database and the dead-letter topics after a run, and counts what went wrong. */
export class NetworkLedger {
  private constructor(private readonly databases: ReadonlyMap<string, Connection>) {}

  static async open(mongodbUri: string, nodes: readonly { country: string; dbName: string }[]): Promise<NetworkLedger> {
    const databases = new Map<string, Connection>();
    for (const node of nodes) {
      databases.set(node.country, await mongoose.createConnection(mongodbUri, { dbName: node.dbName }).asPromise());
    }
    return new NetworkLedger(databases);
  }

  async close(): Promise<void> {
    await Promise.all([...this.databases.values()].map((db) => db.close()));
  }

  /** How much is still moving: unsent or unreceipted outbox entries and unapplied inbox entries, network-wide. */
  async inFlight(): Promise<number> {
    let count = 0;
    for (const db of this.databases.values()) {
      for (const referral of await this.referrals(db)) {
        count += referral.outbox.filter((entry) => !entry.sentAt || !entry.deliveredAt).length;
      }
      count += await db.collection<InboxEntry>(INBOX_COLLECTION).countDocuments({ appliedAt: null, rejection: null });
    }
    return count;
  }

  async count(
    kafka: Kafka,
    network: string,
    driven: readonly { id?: string; outcome: string }[],
    garbage: readonly InjectedGarbage[],
  ): Promise<LedgerCounts> {
    const byCountry = new Map<string, Map<string, StoredReferral>>();
    for (const [country, db] of this.databases) {
      byCountry.set(country, new Map((await this.referrals(db)).map((r) => [r._id, r])));
    }
    const counts: LedgerCounts = {
      lifecyclesDriven: driven.length,
      lifecyclesClosedAtBothEnds: 0,
      referralsAtSenders: 0,
      endsDisagreeing: 0,
      effectsTwice: 0,
      envelopesSent: 0,
      envelopesWithoutReceipt: 0,
      outboxEntriesLeft: 0,
      inboxEntriesNotApplied: 0,
      inboxEntriesSetAside: 0,
      deadLetters: 0,
      deadLettersNotInjected: 0,
      injectedGarbageNotDeadLettered: 0,
    };
    const senderOf = new Map<string, StoredReferral>();
    const receiverOf = new Map<string, StoredReferral>();
    for (const referrals of byCountry.values()) {
      for (const referral of referrals.values()) {
        (referral.direction === 'outgoing' ? senderOf : receiverOf).set(referral._id, referral);
        if (hasTwice(referral.timeline.map((step) => `${step.side}:${step.event}`))) counts.effectsTwice++;
        if (hasTwice(referral.appliedEnvelopeIds ?? [])) counts.effectsTwice++;
        for (const entry of referral.outbox) {
          counts.envelopesSent++;
          if (!entry.sentAt) counts.outboxEntriesLeft++;
          if (!entry.deliveredAt) counts.envelopesWithoutReceipt++;
        }
      }
    }
    counts.referralsAtSenders = senderOf.size;
    for (const id of new Set([...senderOf.keys(), ...receiverOf.keys()])) {
      if (senderOf.get(id)?.state.status !== receiverOf.get(id)?.state.status) counts.endsDisagreeing++;
    }
    for (const lifecycle of driven) {
      if (lifecycle.id === undefined || lifecycle.outcome !== 'closed') continue;
      if (
        senderOf.get(lifecycle.id)?.state.status === 'closed' &&
        receiverOf.get(lifecycle.id)?.state.status === 'closed'
      ) {
        counts.lifecyclesClosedAtBothEnds++;
      }
    }
    for (const db of this.databases.values()) {
      const inbox = db.collection<InboxEntry>(INBOX_COLLECTION);
      counts.inboxEntriesNotApplied += await inbox.countDocuments({ appliedAt: null, rejection: null });
      counts.inboxEntriesSetAside += await inbox.countDocuments({ rejection: { $ne: null } });
    }

    const deadLetters: TopicRecord[] = [];
    const admin = kafka.admin();
    await admin.connect();
    try {
      for (const country of this.databases.keys()) {
        const topic = TopicNames.deadLetter(network, country);
        const offsets = await admin.fetchTopicOffsets(topic);
        const held = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
        if (held > 0) deadLetters.push(...(await readTopicRecords(kafka, topic, held, 120_000)));
      }
    } finally {
      await admin.disconnect();
    }
    counts.deadLetters = deadLetters.length;
    const injected = new Set(garbage.map((g) => g.value.toString('base64')));
    const lettered = new Set(deadLetters.map((d) => d.value.toString('base64')));
    counts.deadLettersNotInjected = deadLetters.filter((d) => !injected.has(d.value.toString('base64'))).length;
    counts.injectedGarbageNotDeadLettered = [...injected].filter((value) => !lettered.has(value)).length;
    return counts;
  }

  private async referrals(db: Connection): Promise<StoredReferral[]> {
    return db
      .collection<StoredReferral>(CaseCollections.referrals)
      .find({}, { projection: { direction: 1, state: 1, timeline: 1, appliedEnvelopeIds: 1, outbox: 1 } })
      .toArray();
  }
}

function hasTwice(values: readonly string[]): boolean {
  return new Set(values).size !== values.length;
}
