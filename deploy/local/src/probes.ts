// Protocol-level health probes, hand-written over node:net so they need no client library:
// - Kafka: ApiVersions v0 (error_code 0), then Metadata v0 (at least one live broker); on the SASL listener,
//   ApiVersions, then kafkajs authenticates as the super user and describes the cluster.
// - PostgreSQL: pg connects (the server accepts connections, past its start-up and recovery) and `select 1` answers.
import * as net from 'node:net';
import type { KafkaSaslCredentials } from '@enlace/messaging';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { Client } from 'pg';

/** Opens a TCP connection, sends `request`, and resolves with the first complete length-framed reply. */
function exchange(
  host: string,
  port: number,
  request: Buffer,
  frameLength: (received: Buffer) => number | undefined,
  timeoutMs: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    let settled = false;
    const socket = net.connect({ host, port });
    const finish = (err: Error | undefined, reply?: Buffer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(reply as Buffer);
    };
    const timer = setTimeout(
      () => finish(new Error(`no reply from ${host}:${port} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const length = frameLength(received);
      if (length !== undefined && received.length >= length) finish(undefined, received.subarray(0, length));
    });
    socket.on('error', (err) => finish(err));
    socket.on('close', () => finish(new Error(`${host}:${port} closed the connection before replying`)));
  });
}

/** Whether something accepts TCP connections on host:port. */
export function isPortOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(open);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

// ---------------------------------------------------------------- Kafka

const kafkaFrameLength = (b: Buffer): number | undefined => (b.length >= 4 ? 4 + b.readInt32BE(0) : undefined);

/** A Kafka request frame: size, request header v1 (api_key, api_version, correlation_id, client_id), body. */
export function kafkaRequest(apiKey: number, apiVersion: number, correlationId: number, body: Buffer): Buffer {
  const clientId = Buffer.from('enlace-infra', 'utf8');
  const header = Buffer.alloc(2 + 2 + 4 + 2);
  header.writeInt16BE(apiKey, 0);
  header.writeInt16BE(apiVersion, 2);
  header.writeInt32BE(correlationId, 4);
  header.writeInt16BE(clientId.length, 8);
  const size = Buffer.alloc(4);
  size.writeInt32BE(header.length + clientId.length + body.length, 0);
  return Buffer.concat([size, header, clientId, body]);
}

export interface KafkaProbeResult {
  apiKeys: number;
  brokers: number;
}

/**
 * ApiVersions v0 must answer error_code 0; Metadata v0 (no topics asked: an empty array means
 * all topics in v0, harmless here) must list at least one broker, i.e. the broker is registered.
 */
export async function probeKafka(
  host: string,
  port: number,
  timeoutMs = 3000,
  options: { metadata: boolean } = { metadata: true },
): Promise<KafkaProbeResult> {
  const apiVersions = await exchange(host, port, kafkaRequest(18, 0, 1, Buffer.alloc(0)), kafkaFrameLength, timeoutMs);
  // size(4) correlation_id(4) error_code(2) api_keys count(4) ...
  if (apiVersions.length < 14) throw new Error('short ApiVersions response');
  if (apiVersions.readInt32BE(4) !== 1) throw new Error('ApiVersions response has a wrong correlation id');
  const errorCode = apiVersions.readInt16BE(8);
  if (errorCode !== 0) throw new Error(`ApiVersions answered error_code ${errorCode}`);
  const apiKeys = apiVersions.readInt32BE(10);
  if (apiKeys <= 0) throw new Error('ApiVersions answered no API keys');
  // On a SASL listener nothing but ApiVersions and the handshake is answered before authentication.
  if (!options.metadata) return { apiKeys, brokers: 0 };

  const emptyTopicArray = Buffer.alloc(4); // int32 0
  const metadata = await exchange(host, port, kafkaRequest(3, 0, 2, emptyTopicArray), kafkaFrameLength, timeoutMs);
  // size(4) correlation_id(4) brokers count(4) ...
  if (metadata.length < 12) throw new Error('short Metadata response');
  if (metadata.readInt32BE(4) !== 2) throw new Error('Metadata response has a wrong correlation id');
  const brokers = metadata.readInt32BE(8);
  if (brokers < 1) throw new Error('broker not registered yet (Metadata lists no broker)');
  return { apiKeys, brokers };
}

/** Authenticates with SASL and asks for the cluster: the broker is registered and accepts its super user. */
export async function probeKafkaAuthenticated(
  host: string,
  port: number,
  credentials: KafkaSaslCredentials,
  timeoutMs = 3000,
  ca?: string,
): Promise<void> {
  const kafka = new Kafka({
    clientId: 'enlace-infra',
    brokers: [`${host}:${port}`],
    sasl: { ...credentials } as SASLOptions,
    ...(ca !== undefined && { ssl: { ca: [ca], rejectUnauthorized: true } }),
    connectionTimeout: timeoutMs,
    authenticationTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length < 1) throw new Error('broker not registered yet (no broker in the cluster)');
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** The same over the TLS listener, trusting only the local authority: its certificate is valid for `host`. */
export function probeKafkaOverTls(
  host: string,
  port: number,
  credentials: KafkaSaslCredentials,
  ca: string,
  timeoutMs = 3000,
): Promise<void> {
  return probeKafkaAuthenticated(host, port, credentials, timeoutMs, ca);
}

// ---------------------------------------------------------------- PostgreSQL

/** Connects to `url` and runs `select 1`: rejects while the server starts, recovers or refuses the user. */
export async function probePostgres(url: string, timeoutMs = 3000): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  // a connection the server drops (a shutdown under way) must not crash the caller
  client.on('error', () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ one: number }>('select 1 as one');
    if (result.rows[0]?.one !== 1) throw new Error('select 1 did not answer 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ---------------------------------------------------------------- waiting

/**
 * Retries `probe` until it succeeds, `timeoutMs` passes, or `stillAlive()` turns false.
 * Rejects with the last probe error in the message.
 */
export async function waitForHealthy<T>(
  probe: () => Promise<T>,
  options: { timeoutMs: number; stillAlive?: () => boolean; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = 'not probed yet';
  for (;;) {
    if (options.stillAlive && !options.stillAlive()) {
      throw new Error(`the process exited (last check: ${lastError})`);
    }
    try {
      return await probe();
    } catch (err) {
      lastError = (err as Error).message;
    }
    if (Date.now() >= deadline) {
      throw new Error(`not healthy after ${Math.round(options.timeoutMs / 1000)} s (last check: ${lastError})`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 500));
  }
}
