import { mongo } from 'mongoose';

/**
 * Whether an error says the database is away or busy for now (network error, no server to select, pool cleared,
 * connection closed, not connected yet): worth trying again later, never a reason to set a message aside.
 * A server error answering the command itself (a duplicate key, a validation failure) is not transient.
 */
export function isTransientStoreFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof mongo.MongoServerError) {
    return error.hasErrorLabel('RetryableWriteError') || error.hasErrorLabel('TransientTransactionError');
  }
  if (error instanceof mongo.MongoError) return true; // network, selection, pool, topology, not connected
  // mongoose's own wrappers of the same causes
  return (
    ['MongooseServerSelectionError', 'DisconnectedError'].includes(error.name) ||
    /before initial connection is complete|Connection was force closed|Client must be connected/i.test(error.message)
  );
}
