// What infra-control needs to know about one locally run component (Kafka, PostgreSQL).
import type { Tool } from './prerequisites';

export type Log = (line: string) => void;

/** `kafka` is the local cluster's first broker; `kafka-2`, `kafka-3` the others of a larger one. */
export type ComponentName = 'kafka' | `kafka-${number}` | 'postgres';

export interface LocalComponent {
  name: ComponentName;
  host: string;
  /** the client port, then any other port the process binds. */
  ports: number[];
  pidFile: string;
  /** arguments found (exactly) in the process's command line: tell our process from a reused pid. */
  markers: string[];
  /** the signal that stops it cleanly and without waiting for its clients; SIGTERM when not given. */
  stopSignal?: NodeJS.Signals;
  /** the logs to show when the component fails. */
  logFiles: string[];
  /** tools needed to prepare and start it from the current state (e.g. mvn only while the jars are missing). */
  toolsNeeded(): Tool[];
  /** downloads, builds, writes configuration, formats storage: whatever start() needs; idempotent. */
  prepare(log: Log): Promise<void>;
  /** starts the process detached and returns its pid (the pid file is written). */
  start(log: Log): Promise<number>;
  /** a protocol-level health check; rejects when not healthy. */
  probe(timeoutMs: number): Promise<void>;
}
