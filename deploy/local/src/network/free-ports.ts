import * as net from 'node:net';
import { HOST } from '../paths';

/**
 * Where test and bench networks look for ports: below Linux's default range for outgoing connections
 * (32768-60999), so that no client socket of Kafka, of PostgreSQL's clients or of the tests themselves can hold one of them by chance.
 */
const LOWEST = 20_000;
const HIGHEST = 32_000;

/** Whether nothing listens on (or holds) the port on the loopback address. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * A base port whose every `basePort + offset` is free now: a network's nodes listen on base + 1, base + 2, ...,
 * their couriers (when apart) on base + 21, base + 22, ..., its monitor on base + 50 and its console on base + 60. Bases are tried at random, so that runs side by side
 * rarely look at the same block.
 */
export async function findFreeBasePort(offsets: readonly number[], attempts = 50): Promise<number> {
  const span = Math.max(0, ...offsets);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const base = LOWEST + Math.floor(Math.random() * (HIGHEST - LOWEST - span));
    const free = await Promise.all(offsets.map((offset) => isFree(base + offset)));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no free block of ports between ${LOWEST} and ${HIGHEST} after ${attempts} tries`);
}

/** Where the courier of the node on `basePort + n` serves its probes and metrics, when it runs apart. */
export const COURIER_PORT_OFFSET = 20;

/**
 * The offsets a network of `members` nodes uses: their APIs, their couriers' probes and metrics (+21, +22, ... when
 * they run apart), its monitor (+50) and console (+60).
 */
export function networkPortOffsets(members: number): number[] {
  const nodes = Array.from({ length: members }, (_, index) => index + 1);
  return [...nodes, ...nodes.map((offset) => offset + COURIER_PORT_OFFSET), 50, 60];
}
