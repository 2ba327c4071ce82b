import { Kafka } from 'kafkajs';
import { Kysely } from 'kysely';
import { DeadLetterHeaders, TopicNames } from '@enlace/messaging';
import { NodeDatabase, createPostgresDatabase } from '@enlace/store';
import { TopicRecord, readTopicRecords } from '@enlace/testing';
import type { InjectedGarbage } from './envelope-faults.injector';

/** A case of any protocol as a node stores it: the fields the checks read. */
interface StoredCase {
  /** The case's id: the same at both ends, and unique among a node's cases of every protocol (its primary key). */
  id: string;
  direction: string;
  status: string;
  timeline: { event: string; side: string }[];
}

/** What the checks found, as counts: the suite prints them and asserts on them. */
export interface LedgerCounts {
  lifecyclesDriven: number;
  lifecyclesClosedAtBothEnds: number;
  casesAtSenders: number;
  /** A case whose two ends disagree on its status, or that one end does not have. */
  endsDisagreeing: number;
  /**
   * A case whose timeline shows one step twice. (An envelope cannot be applied twice unnoticed: the inbox's
   * primary key keeps one row per envelope, and the applier marks it applied in the transaction of its effect.)
   */
  effectsTwice: number;
  envelopesSent: number;
  envelopesWithoutReceipt: number;
  outboxEntriesLeft: number;
  inboxEntriesNotApplied: number;
  inboxEntriesSetAside: number;
  deadLetters: number;
  /**
   * Dead letters of a record (its original topic, partition and offset) that was already dead-lettered: the courier
   * commits a record's offset after its dead letter is written, so one killed (or whose broker died) in between
   * letters it again when the record comes back. At least once, as every hand-over on the network.
   */
  deadLetteredTwice: number;
  deadLettersNotInjected: number;
  injectedGarbageNotDeadLettered: number;
  /** Each record dead-lettered more than once: its original position and the times its dead letters were written. */
  deadLetterRepeats: string[];
}

/** Reads every node's database and the dead-letter topics after a run, and counts what went wrong. */
export class NetworkLedger {
  private constructor(private readonly databases: ReadonlyMap<string, Kysely<NodeDatabase>>) {}

  static async open(nodes: readonly { country: string; databaseUrl: string }[]): Promise<NetworkLedger> {
    const databases = new Map<string, Kysely<NodeDatabase>>();
    for (const node of nodes) {
      databases.set(
        node.country,
        await createPostgresDatabase<NodeDatabase>({
          url: node.databaseUrl,
          maxConnections: 2,
          applicationName: 'enlace-chaos-ledger',
        }),
      );
    }
    return new NetworkLedger(databases);
  }

  async close(): Promise<void> {
    await Promise.all([...this.databases.values()].map((db) => db.destroy()));
  }

  /** How much is still moving: unsent or unreceipted outbox entries and unapplied inbox entries, network-wide. */
  async inFlight(): Promise<number> {
    let count = 0;
    for (const db of this.databases.values()) {
      const outbox = await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<string>().as('moving'))
        .where('undeliverable_reason', 'is', null)
        .where((row) => row.or([row('sent_at', 'is', null), row('delivered_at', 'is', null)]))
        .executeTakeFirstOrThrow();
      const inbox = await db
        .selectFrom('inbox')
        .select((eb) => eb.fn.countAll<string>().as('moving'))
        .where('applied_at', 'is', null)
        .where('rejection_code', 'is', null)
        .executeTakeFirstOrThrow();
      count += Number(outbox.moving) + Number(inbox.moving);
    }
    return count;
  }

  async count(
    kafka: Kafka,
    network: string,
    driven: readonly { id?: string; outcome: string; finalStatus: string }[],
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
      deadLetteredTwice: 0,
      deadLettersNotInjected: 0,
      injectedGarbageNotDeadLettered: 0,
      deadLetterRepeats: [],
    };
    const senderOf = new Map<string, StoredCase>();
    const receiverOf = new Map<string, StoredCase>();
    for (const end of stored) {
      (end.direction === 'outgoing' ? senderOf : receiverOf).set(end.id, end);
      if (hasTwice(end.timeline.map((step) => `${step.side}:${step.event}`))) counts.effectsTwice++;
    }
    counts.casesAtSenders = senderOf.size;
    for (const id of new Set([...senderOf.keys(), ...receiverOf.keys()])) {
      if (senderOf.get(id)?.status !== receiverOf.get(id)?.status) counts.endsDisagreeing++;
    }
    for (const lifecycle of driven) {
      if (lifecycle.id === undefined || lifecycle.outcome !== 'closed') continue;
      if (
        senderOf.get(lifecycle.id)?.status === lifecycle.finalStatus &&
        receiverOf.get(lifecycle.id)?.status === lifecycle.finalStatus
      ) {
        counts.lifecyclesClosedAtBothEnds++;
      }
    }
    for (const db of this.databases.values()) {
      const outbox = await db
        .selectFrom('outbox')
        .select((eb) => [
          eb.fn.countAll<string>().as('sent'),
          eb.fn
            .countAll<string>()
            .filterWhere((row) => row.and([row('sent_at', 'is not', null), row('delivered_at', 'is', null)]))
            .as('withoutReceipt'),
          eb.fn
            .countAll<string>()
            .filterWhere((row) => row.and([row('sent_at', 'is', null), row('undeliverable_reason', 'is', null)]))
            .as('left'),
        ])
        .executeTakeFirstOrThrow();
      const inbox = await db
        .selectFrom('inbox')
        .select((eb) => [
          eb.fn
            .countAll<string>()
            .filterWhere((row) => row.and([row('applied_at', 'is', null), row('rejection_code', 'is', null)]))
            .as('notApplied'),
          eb.fn.countAll<string>().filterWhere('rejection_code', 'is not', null).as('setAside'),
        ])
        .executeTakeFirstOrThrow();
      counts.envelopesSent += Number(outbox.sent);
      counts.envelopesWithoutReceipt += Number(outbox.withoutReceipt);
      counts.outboxEntriesLeft += Number(outbox.left);
      counts.inboxEntriesNotApplied += Number(inbox.notApplied);
      counts.inboxEntriesSetAside += Number(inbox.setAside);
    }

    const deadLetters: TopicRecord[] = [];
    for (const [topic, held] of await this.deadLettersHeld(kafka, network)) {
      if (held > 0) deadLetters.push(...(await readTopicRecords(kafka, topic, held, 120_000)));
    }
    counts.deadLetters = deadLetters.length;
    const byOriginal = new Map<string, string[]>();
    for (const { headers } of deadLetters) {
      const original = `${headers[DeadLetterHeaders.originalTopic]}/${headers[DeadLetterHeaders.originalPartition]}@${headers[DeadLetterHeaders.originalOffset]}`;
      byOriginal.set(original, [...(byOriginal.get(original) ?? []), headers[DeadLetterHeaders.deadLetteredAt] ?? '?']);
    }
    counts.deadLetteredTwice = deadLetters.length - byOriginal.size;
    counts.deadLetterRepeats = [...byOriginal]
      .filter(([, times]) => times.length > 1)
      .map(([original, times]) => `${original} dead-lettered at ${times.join(', ')}`);
    const injected = new Set(garbage.map((g) => g.value.toString('base64')));
    const lettered = new Set(deadLetters.map((d) => d.value.toString('base64')));
    counts.deadLettersNotInjected = deadLetters.filter((d) => !injected.has(d.value.toString('base64'))).length;
    counts.injectedGarbageNotDeadLettered = [...injected].filter((value) => !lettered.has(value)).length;
    return counts;
  }

  /** How many records each node's dead-letter topic holds now. */
  async deadLettersHeld(kafka: Kafka, network: string): Promise<Map<string, number>> {
    const held = new Map<string, number>();
    const admin = kafka.admin();
    await admin.connect();
    try {
      for (const country of this.databases.keys()) {
        const topic = TopicNames.deadLetter(network, country);
        const offsets = await admin.fetchTopicOffsets(topic);
        held.set(
          topic,
          offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0),
        );
      }
    } finally {
      await admin.disconnect();
    }
    return held;
  }

  /** Every case of every protocol this node holds (a reintegration a return led to, too). */
  private async cases(db: Kysely<NodeDatabase>): Promise<StoredCase[]> {
    const rows = await db.selectFrom('cases').select(['id', 'direction', 'status', 'timeline']).execute();
    return rows.map((row) => ({ ...row, timeline: row.timeline as StoredCase['timeline'] }));
  }
}

function hasTwice(values: readonly string[]): boolean {
  return new Set(values).size !== values.length;
}
