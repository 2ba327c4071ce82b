import { Kafka } from 'kafkajs';
import mongoose, { Connection } from 'mongoose';
import { TopicNames } from '@enlace/messaging';
import { INBOX_COLLECTION, InboxEntry, OUTBOX_COLLECTIONS, OutboxEntry } from '@enlace/store';
import { TopicRecord, readTopicRecords } from '@enlace/testing';
import type { InjectedGarbage } from './envelope-faults.injector';

/** A case of any protocol as a node stores it: the fields the checks read. */
interface StoredCase {
  _id: string;
  /** Its collection and id: unique across protocols. */
  key: string;
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
  casesAtSenders: number;
  /** A case whose two ends disagree on its status, or that one end does not have. */
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
      for (const stored of await this.cases(db)) {
        count += stored.outbox.filter((entry) => !entry.sentAt || !entry.deliveredAt).length;
      }
      count += await db.collection<InboxEntry>(INBOX_COLLECTION).countDocuments({ appliedAt: null, rejection: null });
    }
    return count;
  }

  async count(
    kafka: Kafka,
    network: string,
    driven: readonly { id?: string; outcome: string; route: string; finalStatus: string }[],
    garbage: readonly InjectedGarbage[],
  ): Promise<LedgerCounts> {
    const stored: StoredCase[] = [];
    for (const db of this.databases.values()) stored.push(...(await this.cases(db)));
    const counts: LedgerCounts = {
      lifecyclesDriven: driven.length,
      lifecyclesClosedAtBothEnds: 0,
      casesAtSenders: 0,
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
    const senderOf = new Map<string, StoredCase>();
    const receiverOf = new Map<string, StoredCase>();
    for (const end of stored) {
      (end.direction === 'outgoing' ? senderOf : receiverOf).set(end.key, end);
      if (hasTwice(end.timeline.map((step) => `${step.side}:${step.event}`))) counts.effectsTwice++;
      if (hasTwice(end.appliedEnvelopeIds ?? [])) counts.effectsTwice++;
      for (const entry of end.outbox) {
        counts.envelopesSent++;
        if (!entry.sentAt) counts.outboxEntriesLeft++;
        if (!entry.deliveredAt) counts.envelopesWithoutReceipt++;
      }
    }
    counts.casesAtSenders = senderOf.size;
    for (const id of new Set([...senderOf.keys(), ...receiverOf.keys()])) {
      if (senderOf.get(id)?.state.status !== receiverOf.get(id)?.state.status) counts.endsDisagreeing++;
    }
    for (const lifecycle of driven) {
      if (lifecycle.id === undefined || lifecycle.outcome !== 'closed') continue;
      const key = `${lifecycle.route}/${lifecycle.id}`;
      if (
        senderOf.get(key)?.state.status === lifecycle.finalStatus &&
        receiverOf.get(key)?.state.status === lifecycle.finalStatus
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

  /** Every case of every protocol this node holds (a reintegration a return led to, too). */
  private async cases(db: Connection): Promise<StoredCase[]> {
    const all: StoredCase[] = [];
    for (const collection of OUTBOX_COLLECTIONS) {
      const found = await db
        .collection<Omit<StoredCase, 'key'>>(collection)
        .find({}, { projection: { direction: 1, state: 1, timeline: 1, appliedEnvelopeIds: 1, outbox: 1 } })
        .toArray();
      all.push(...found.map((one) => ({ ...one, key: `${collection}/${one._id}` })));
    }
    return all;
  }
}

function hasTwice(values: readonly string[]): boolean {
  return new Set(values).size !== values.length;
}
