import { backOff } from 'exponential-backoff';
import mongoose, { Connection } from 'mongoose';

export interface MongoConnectionOptions {
  /** mongodb://host:port/ — the node's own server (FerretDB here, MongoDB in production). */
  readonly uri: string;
  /** One database per node: no node ever reads another node's cases. */
  readonly dbName: string;
  /** Told of each failed first attempt, while the service waits for its database. */
  readonly onRetry?: (error: Error, attempt: number) => void;
}

/**
 * Opens the node's database, waiting for it — with exponential backoff and jitter — when it is not up yet, so
 * that a node started before its database comes up instead of crashing. Once connected, the driver itself
 * reconnects after an outage. Commands are not buffered while disconnected: a caller learns at once that the
 * database is away (and retries) instead of waiting on a queue that may never drain.
 */
export async function createMongoConnection(options: MongoConnectionOptions): Promise<Connection> {
  const settings = {
    dbName: options.dbName,
    bufferCommands: false,
    autoIndex: true,
    serverSelectionTimeoutMS: 10_000,
    // FerretDB v1 has no retryable writes; MongoDB keeps its default.
    retryWrites: false,
  };
  const connection = mongoose.createConnection();
  await backOff(() => connection.openUri(options.uri, settings), {
    numOfAttempts: Number.MAX_SAFE_INTEGER,
    startingDelay: 500,
    timeMultiple: 2,
    maxDelay: 15_000,
    jitter: 'full',
    retry: (error: Error, attempt: number) => {
      options.onRetry?.(error, attempt);
      return true;
    },
  });
  return connection;
}
