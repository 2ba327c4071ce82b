import { ApiResponse, NodeApiClient } from '@enlace/testing';

/** The statuses of a referral in the order this lifecycle walks them. */
const ORDER = ['sent', 'delivered', 'accepted', 'in-service', 'closed'] as const;
type WalkedStatus = (typeof ORDER)[number];

export interface LifecycleResult {
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
 * Drives a steady stream of referral lifecycles across the network, as focal points would: the sender creates a
 * referral, the receiver waits for it, accepts, starts the service and closes it; the sender waits to see it closed.
 * Every request is retried while the node or its database is away (a person would press again); every wait is on
 * a condition, with a deadline.
 */
export class ReferralLifecycleDriver {
  readonly counts: DriverCounts = { started: 0, closed: 0, failed: 0, retriedRequests: 0, uncertainCreations: 0 };
  readonly results: LifecycleResult[] = [];
  private readonly running = new Set<Promise<void>>();
  private launcher?: NodeJS.Timeout;
  private pair = 0;

  constructor(
    private readonly clients: ReadonlyMap<string, NodeApiClient>,
    private readonly options: {
      intervalMs: number;
      stepTimeoutMs: number;
      /** Lifecycles under way at most: while a fault holds them up, the stream waits instead of piling up. */
      maxInFlight: number;
    },
  ) {}

  /** Starts a new lifecycle every intervalMs (while fewer than maxInFlight are under way), between pairs in turn. */
  start(): void {
    const countries = [...this.clients.keys()];
    const pairs = countries.flatMap((from) => countries.filter((to) => to !== from).map((to) => [from, to] as const));
    const launch = () => {
      if (this.running.size < this.options.maxInFlight) {
        const [from, to] = pairs[this.pair++ % pairs.length] as readonly [string, string];
        const lifecycle = this.walk(from, to).finally(() => this.running.delete(lifecycle));
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

  private async walk(from: string, to: string): Promise<void> {
    this.counts.started++;
    const sender = this.client(from);
    const receiver = this.client(to);
    let id: string | undefined;
    try {
      const created = await this.send(sender, 'POST', '/referrals', referralBody(to), [201], true);
      id = (created.body as { id: string }).id;
      await this.waitFor(receiver, id, 'delivered');
      await this.step(receiver, id, 'accept', {}, 'accepted');
      await this.step(receiver, id, 'start-service', {}, 'in-service');
      await this.step(receiver, id, 'close', { outcome: 'successful' }, 'closed');
      await this.waitFor(sender, id, 'closed');
      this.counts.closed++;
      this.results.push({ id, from, to, outcome: 'closed' });
    } catch (error) {
      this.counts.failed++;
      this.results.push({ ...(id && { id }), from, to, outcome: 'failed', failure: (error as Error).message });
    }
  }

  private client(country: string): NodeApiClient {
    const client = this.clients.get(country);
    if (!client) throw new Error(`no client for ${country}`);
    return client;
  }

  /** A step of the receiver; a 409 after a retry is fine when the referral already went past it. */
  private async step(client: NodeApiClient, id: string, action: string, body: object, reaches: WalkedStatus) {
    const response = await this.send(client, 'POST', `/referrals/${id}/${action}`, body, [200, 409]);
    if (response.status === 409) {
      const status = await this.statusAt(client, id);
      if (status === undefined || ORDER.indexOf(status as WalkedStatus) < ORDER.indexOf(reaches)) {
        throw new Error(`${action} of ${id} refused with 409 at status ${status}`);
      }
    }
  }

  private async statusAt(client: NodeApiClient, id: string): Promise<string | undefined> {
    const response = await this.send(client, 'GET', `/referrals/${id}`, undefined, [200, 404]);
    return response.status === 200 ? (response.body as { status: string }).status : undefined;
  }

  private async waitFor(client: NodeApiClient, id: string, status: WalkedStatus): Promise<void> {
    const deadline = Date.now() + this.options.stepTimeoutMs;
    let seen: string | undefined;
    let pause = 300;
    while (Date.now() < deadline) {
      seen = await this.statusAt(client, id);
      if (seen !== undefined && ORDER.indexOf(seen as WalkedStatus) >= ORDER.indexOf(status)) return;
      await sleep(pause);
      pause = Math.min(pause * 1.5, 3_000); // a person looks again now and then, not ten times a second
    }
    throw new Error(`${id} did not reach ${status} at ${client.apiUrl} (last seen: ${seen ?? 'absent'})`);
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
    while (Date.now() < deadline) {
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
    throw new Error(`${method} ${path} kept failing: ${last}`);
  }
}

function referralBody(to: string): Record<string, unknown> {
  return {
    toCountry: to,
    reason: 'AdditionalServicesRequired',
    servicesRequested: ['Health', 'SocialCare'],
    urgency: 'high',
    person: { firstName: 'Chaos', secondName: 'Test', birthdate: '1999-04-02', gender: 'Female', nationality: 'CO' },
    consent: { purpose: 'Fault-injection test', scope: ['identity', 'health'], recordedAt: '2025-01-01T00:00:00Z' },
  };
}
