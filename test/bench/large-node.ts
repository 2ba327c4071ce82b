import * as os from 'node:os';
import type { Kysely } from 'kysely';
import type { KeyEncryptionKey } from '@enlace/privacy';
import type { NodeDatabase } from '@enlace/store';
import type { NodeApiClient } from '@enlace/testing';
import { ArrivalTracker } from './arrival-tracker';
import { FILL_BATCH, fillWithCopiesOf } from './case-filler';
import { percentile, round } from './bench-stats';
import { CpuMeter } from './process-cpu';

/** Referrals sent through the API: half of them accepted at the small size, the other half at the large. */
const REAL_CASES = 100;
/** Reads timed at each size (one at a time, over the real cases in turn). */
const READS = 400;
/** Pages of the filtered lists timed at each size, and how deep each walk goes (following the cursors). */
const LIST_PAGES = 300;
const LIST_DEPTH = 10;

interface Measure {
  cases: number;
  reads: number;
  readP50Ms: number;
  readP95Ms: number;
  steps: number;
  stepP50Ms: number;
  stepP95Ms: number;
  failed: number;
}

/**
 * What reading one case and taking one step cost through a node's HTTP API when it holds 100 cases and when it
 * holds `largeCases` (issue 12: the same, because every look-up on the path goes by an index). The receiver gets
 * REAL_CASES referrals through the API; half are accepted and all read, one request at a time; then its database
 * is filled, in a few large statements, with copies of one of those cases as the node stored it (the same state
 * and timeline, with their own ids, statuses and three years of dates), each with the inbox entry it arrived by and
 * a key of its own, its personal content sealed with that key as the node seals it; and the other half are accepted
 * and all read again.
 */
export async function largeNode(options: {
  sender: NodeApiClient;
  receiver: NodeApiClient;
  /** A reader of the receiving node without case.write: its lists come without the persons' initials. */
  receiverAuditor: NodeApiClient;
  receiverCountry: string;
  receiverDb: Kysely<NodeDatabase>;
  /** The receiving node's key-encryption key: the filler wraps each copy's own key with it, as the node does. */
  receiverKek: KeyEncryptionKey;
  /** The receiving node's processes and its database, whose CPU each list walk counts (per page). */
  receiverProcesses: readonly { name: string; pid: number }[];
  receiverDbName: string;
  largeCases: number;
  referral: (toCountry: string) => Record<string, unknown>;
}) {
  const { sender, receiver, receiverDb } = options;
  const tracker = new ArrivalTracker(receiverDb);
  for (let i = 0; i < REAL_CASES; i++) {
    const created = await sender.request<{ id: string }>(
      'POST',
      '/referrals',
      options.referral(options.receiverCountry),
    );
    if (created.status !== 201) throw new Error(`a referral was refused: HTTP ${created.status}`);
    tracker.expect(created.body.id);
  }
  await tracker.drain(120_000);
  if (tracker.pending > 0) throw new Error(`${tracker.pending} referrals did not arrive within 2 minutes`);
  const ids = [...tracker.arrivedAt.keys()];
  const half = Math.floor(ids.length / 2);

  const small = await measure(receiver, receiverDb, ids, ids.slice(0, half));
  const lists = (api: NodeApiClient) =>
    measureLists(api, new CpuMeter(options.receiverProcesses, [options.receiverDbName]));
  const smallLists = { focalPoint: await lists(receiver), auditor: await lists(options.receiverAuditor) };
  const fillStarted = Date.now();
  const filled = await fillWithCopiesOf(
    receiverDb,
    options.receiverKek,
    ids[0] as string,
    options.largeCases - small.cases,
  );
  const fillSeconds = (Date.now() - fillStarted) / 1000;
  const large = await measure(receiver, receiverDb, ids, ids.slice(half));
  const largeLists = { focalPoint: await lists(receiver), auditor: await lists(options.receiverAuditor) };
  return {
    node: options.receiverCountry,
    method:
      'reads (GET /referrals/{id}) and steps (POST /referrals/{id}/accept) one at a time through the HTTP API, on ' +
      `${REAL_CASES} referrals sent through the API; the node then filled with copies of one of them, each with a ` +
      `key of its own and its personal content sealed with it (on ${os.availableParallelism()} worker threads), ` +
      `${FILL_BATCH} a statement, then vacuumed and analyzed`,
    casesWritten: filled,
    fillSeconds: round(fillSeconds),
    small,
    large,
    readP95Ratio: round(large.readP95Ms / small.readP95Ms, 2),
    stepP95Ratio: round(large.stepP95Ms / small.stepP95Ms, 2),
    filteredList: {
      method:
        `GET /referrals pages of 50, one at a time, ${LIST_PAGES} at each size, over three filtered lists in turn ` +
        `(open, counterpart and urgency, nearest due first; ended and declined, latest change first; created in the ` +
        `last 30 days, latest created first), each walked from its first page up to ${LIST_DEPTH} pages deep by ` +
        "its cursors; as the focal point (the persons' initials opened from each case's sealed content with the " +
        "case's own key; withInitials counts the items that showed them) and as an auditor (no initials: the query " +
        "alone); target p95 <= 50 ms at 100,000 cases; cpuMsPerPage: CPU of the node's processes and database " +
        'backends per page; loadAverage when the walk ended',
      small: smallLists,
      large: largeLists,
    },
  };
}

/**
 * Filtered pages of the referral list, first and following pages, timed one at a time; with the CPU the node's
 * processes and its database's backends spent per page (less swayed by the other work on a shared machine than the
 * times; the node-api's includes the audit record each request leaves once answered).
 */
async function measureLists(api: NodeApiClient, cpu: CpuMeter) {
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const queries = [
    'direction=incoming&stage=open&counterpart=CO&urgency=high&sort=due&limit=50',
    'direction=incoming&stage=ended&status=declined&sort=updated&limit=50',
    `direction=incoming&createdFrom=${encodeURIComponent(since)}&sort=created&limit=50`,
  ];
  const times: number[] = [];
  let failed = 0;
  let items = 0;
  let withInitials = 0;
  let deepest = 0;
  await cpu.start();
  for (let walk = 0; times.length + failed < LIST_PAGES; walk++) {
    const query = queries[walk % queries.length] as string;
    let cursor: string | undefined;
    for (let depth = 1; depth <= LIST_DEPTH && times.length + failed < LIST_PAGES; depth++) {
      const started = performance.now();
      const response = await api.request<{ items: { initials?: string }[]; nextCursor?: string }>(
        'GET',
        `/referrals?${query}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      if (response.status !== 200) {
        failed++;
        break;
      }
      times.push(performance.now() - started);
      items += response.body.items.length;
      withInitials += response.body.items.filter((item) => item.initials !== undefined).length;
      deepest = Math.max(deepest, depth);
      cursor = response.body.nextCursor;
      if (!cursor) break;
    }
  }
  const cpuMsPerPage = await cpu.stop(Math.max(1, times.length));
  const ms = (p: number) => round(percentile(times, p), 1);
  return {
    pages: times.length,
    items,
    withInitials,
    deepestPage: deepest,
    p50Ms: ms(50),
    p95Ms: ms(95),
    maxMs: ms(100),
    failed,
    cpuMsPerPage,
    loadAverage: os.loadavg().map((value) => round(value, 2)),
  };
}

async function measure(
  api: NodeApiClient,
  db: Kysely<NodeDatabase>,
  readIds: readonly string[],
  stepIds: readonly string[],
): Promise<Measure> {
  const reads: number[] = [];
  const steps: number[] = [];
  let failed = 0;
  for (let i = 0; i < READS; i++) {
    const started = performance.now();
    const response = await api.request('GET', `/referrals/${readIds[i % readIds.length]}`);
    if (response.status === 200) reads.push(performance.now() - started);
    else failed++;
  }
  for (const id of stepIds) {
    const started = performance.now();
    const response = await api.request('POST', `/referrals/${id}/accept`, {});
    if (response.status === 200) steps.push(performance.now() - started);
    else failed++;
  }
  const { count } = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  const ms = (values: number[], p: number) => round(percentile(values, p), 1);
  return {
    cases: Number(count),
    reads: reads.length,
    readP50Ms: ms(reads, 50),
    readP95Ms: ms(reads, 95),
    steps: steps.length,
    stepP50Ms: ms(steps, 50),
    stepP95Ms: ms(steps, 95),
    failed,
  };
}
