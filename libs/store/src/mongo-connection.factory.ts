import mongoose, { Connection } from 'mongoose';

export interface MongoConnectionOptions {
  /** mongodb://host:port/ — the node's own server (FerretDB here, MongoDB in production). */
  readonly uri: string;
  /** One database per node: no node ever reads another node's cases. */
  readonly dbName: string;
}

/**
 * Opens the node's database. Commands are not buffered while disconnected: a caller learns at once that the
 * database is away instead of waiting on a queue that may never drain.
 */
export async function createMongoConnection(options: MongoConnectionOptions): Promise<Connection> {
  const connection = mongoose.createConnection(options.uri, {
    dbName: options.dbName,
    bufferCommands: false,
    autoIndex: true,
    serverSelectionTimeoutMS: 10_000,
    // FerretDB v1 has no retryable writes; MongoDB keeps its default.
    retryWrites: false,
  });
  await connection.asPromise();
  return connection;
}
