import { ApiResponse, NodeApiClient } from '@enlace/testing';

import { LifecycleScript, walkOrder } from './lifecycle-scripts';

export interface LifecycleResult {
  readonly protocol: string;
  /** The API's collection, which is also the nodes' collection of the protocol's cases. */
  readonly route: string;
  /** The status both ends must show at the end. */
  readonly finalStatus: string;
  readonly id?: string;
  readonly from: string;
  readonly to: string;
  readonly outcome: 'closed' | 'failed';
  readonly failure?: string;
}

export interface DriverCounts {
  started: number;
  closed: number;
  failed: number;
  /** Requests that failed in transit (process killed, database away) and were sent again. */
  retriedRequests: number;
  /** Creations whose answer was lost after the request left: a second referral may exist, left at `delivered`. */
  uncertainCreations: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Drives a steady stream of case lifecycles across the network, as focal points would: the sender opens a case,
 * each end takes its steps of the script once its own end shows the step before, and both ends must come to show
 * the script's last status. Lifecycles take the scripts in turn (referral, return, ...) and the pairs of countries
 * in turn. Every request is retried while the node or its database is away (a person would press again); every
 * wait is on a condition, with a deadline.
 */
export class CaseLifecycleDriver {
  readonly counts: DriverCounts = { started: 0, closed: 0, failed: 0, retriedRequests: 0, uncertainCreations: 0 };
  readonly results: LifecycleResult[] = [];
  private readonly running = new Set<Promise<void>>();
  private launcher?: NodeJS.Timeout;
  private launched = 0;
  private stopped = false;

  constructor(
    private readonly clients: ReadonlyMap<string, NodeApiClient>,
    private readonly scripts: readonly LifecycleScript[],
    private readonly options: {
      intervalMs: number;
      stepTimeoutMs: number;
      /** Lifecycles under way at most: while a fault holds them up, the stream waits instead of piling up. */
      maxInFlight: number;
    },
  ) {}

  /** Starts a new lifecycle every intervalMs (while fewer than maxInFlight are under way). */
  start(): void {
    const countries = [...this.clients.keys()];
    const pairs = countries.flatMap((from) => countries.filter((to) => to !== from).map((to) => [from, to] as const));
    const launch = () => {
      if (this.running.size < this.options.maxInFlight) {
        const script = this.scripts[this.launched % this.scripts.length] as LifecycleScript;
        const [from, to] = pairs[Math.floor(this.launched / this.scripts.length) % pairs.length] as readonly [
          string,
          string,
        ];
        this.launched++;
        const lifecycle = this.walk(script, from, to).finally(() => this.running.delete(lifecycle));
        this.running.add(lifecycle);
      }
      this.launcher = setTimeout(launch, this.options.intervalMs);
    };
    launch();
  }

  /** Stops starting lifecycles and waits for those under way to end (each has its own deadlines). */
  async finish(): Promise<void> {
    if (this.launcher) clearTimeout(this.launcher);
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /**
   * Gives up at once (a test that failed): no new lifecycle, and those under way end at their next look or retry
   * instead of waiting out their deadlines, so that nothing keeps the test process alive.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.finish();
  }

  private async walk(script: LifecycleScript, from: string, to: string): Promise<void> {
    this.counts.started++;
    const ends = { sender: this.client(from), receiver: this.client(to) };
    const { protocol, route } = script;
    const finalStatus = walkOrder(script).at(-1) as string;
    let id: string | undefined;
    try {
      const created = await this.send(ends.sender, 'POST', `/${route}`, script.create(to), [201], true);
      id = (created.body as { id: string }).id;
      let before = script.arrives;
      for (const { by, action, body, reaches } of script.steps) {
        await this.waitFor(script, ends[by], id, before);
        await this.step(script, ends[by], id, action, body, reaches);
        before = reaches;
      }
      await this.waitFor(script, ends.receiver, id, before);
      await this.waitFor(script, ends.sender, id, before);
      this.counts.closed++;
      this.results.push({ protocol, route, finalStatus, id, from, to, outcome: 'closed' });
    } catch (error) {
      this.counts.failed++;
      const failure = (error as Error).message;
      this.results.push({ protocol, route, finalStatus, ...(id && { id }), from, to, outcome: 'failed', failure });
    }
  }

  private client(country: string): NodeApiClient {
    const client = this.clients.get(country);
    if (!client) throw new Error(`no client for ${country}`);
    return client;
  }

  /** A step of one end; a 409 after a retry is fine when the case already went past it. */
  private async step(
    script: LifecycleScript,
    client: NodeApiClient,
    id: string,
    action: string,
    body: object,
    reaches: string,
  ) {
    const response = await this.send(client, 'POST', `/${script.route}/${id}/${action}`, body, [200, 409]);
    if (response.status === 409) {
      const status = await this.statusAt(script, client, id);
      if (status === undefined || walkOrder(script).indexOf(status) < walkOrder(script).indexOf(reaches)) {
        throw new Error(`${action} of ${script.protocol} ${id} refused with 409 at status ${status}`);
      }
    }
  }

  private async statusAt(script: LifecycleScript, client: NodeApiClient, id: string): Promise<string | undefined> {
    const response = await this.send(client, 'GET', `/${script.route}/${id}`, undefined, [200, 404]);
    return response.status === 200 ? (response.body as { status: string }).status : undefined;
  }

  /** Until this end shows `status` or a later one of the script. */
  private async waitFor(script: LifecycleScript, client: NodeApiClient, id: string, status: string): Promise<void> {
    const deadline = Date.now() + this.options.stepTimeoutMs;
    let seen: string | undefined;
    let pause = 300;
    while (Date.now() < deadline && !this.stopped) {
      seen = await this.statusAt(script, client, id);
      if (seen !== undefined && walkOrder(script).indexOf(seen) >= walkOrder(script).indexOf(status)) return;
      await sleep(pause);
      pause = Math.min(pause * 1.5, 3_000); // a person looks again now and then, not ten times a second
    }
    throw new Error(
      `${script.protocol} ${id} did not reach ${status} at ${client.apiUrl} (last seen: ${seen ?? 'absent'}` +
        `${this.stopped ? '; the driver was stopped' : ''})`,
    );
  }

  /** Sends until one of the expected statuses comes back; connection failures and 5xx are retried with backoff. */
  private async send(
    client: NodeApiClient,
    method: string,
    path: string,
    body: unknown,
    expected: readonly number[],
    creation = false,
  ): Promise<ApiResponse> {
    const deadline = Date.now() + this.options.stepTimeoutMs;
    let delay = 250;
    let last = '';
    while (Date.now() < deadline && !this.stopped) {
      let lostInTransit = false;
      try {
        const response = await client.request(method, path, body);
        if (expected.includes(response.status)) return response;
        if (response.status < 500) throw new Error(`${method} ${path}: HTTP ${response.status}`);
        last = `HTTP ${response.status}`;
      } catch (error) {
        if ((error as Error).message.startsWith(`${method} ${path}: HTTP`)) throw error;
        last = (error as Error).message;
        // refused: the request never reached the node; anything else may have been handled before the answer was lost
        lostInTransit = ((error as Error & { cause?: { code?: string } }).cause?.code ?? '') !== 'ECONNREFUSED';
      }
      this.counts.retriedRequests++;
      if (creation && lostInTransit) this.counts.uncertainCreations++;
      await sleep(delay / 2 + Math.random() * (delay / 2));
      delay = Math.min(delay * 2, 5_000);
    }
    throw new Error(
      `${method} ${path} ${this.stopped ? 'abandoned: the driver was stopped' : `kept failing: ${last}`}`,
    );
  }
}
