import { backOff } from 'exponential-backoff';
import { Client } from 'pg';

export interface DatabaseListenerHandlers {
  /** A transaction committed work on `channel`. */
  readonly onNotification: (channel: string) => void;
  /**
   * Listening (again): notifications sent while the connection was away are lost, so the caller looks for work
   * once now, as if notified on every channel.
   */
  readonly onListening?: () => void;
  /** The connection was lost and is being made again; for the log. */
  readonly onConnectionLost?: (error: Error | undefined) => void;
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * One connection of its own that LISTENs on the node's channels (pool connections are shared and cannot hold a
 * LISTEN). When it is lost — the server restarted, the network broke — it is made again with backoff, and the
 * caller is told so that it looks for the work it may have missed.
 */
export class DatabaseListener {
  private client?: Client;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly channels: readonly string[],
    private readonly handlers: DatabaseListenerHandlers,
  ) {
    for (const channel of channels) {
      if (!CHANNEL_NAME.test(channel)) throw new Error(`not a channel name: ${channel}`);
    }
  }

  /** Resolves once listening; waits (retrying) while the database is away. */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    await backOff(() => this.listen(), {
      numOfAttempts: Number.MAX_SAFE_INTEGER,
      startingDelay: 250,
      timeMultiple: 2,
      maxDelay: 5_000,
      jitter: 'full',
      retry: () => !this.stopped,
    });
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'enlace-listener' });
    client.on('notification', (message) => this.handlers.onNotification(message.channel));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, undefined));
    try {
      await client.connect();
      for (const channel of this.channels) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      client.removeAllListeners();
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.handlers.onListening?.();
  }

  private lost(client: Client, error: Error | undefined): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners();
    client.end().catch(() => undefined);
    this.handlers.onConnectionLost?.(error);
    this.connect().catch(() => undefined);
  }
}
