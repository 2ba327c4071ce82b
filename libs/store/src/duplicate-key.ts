import { mongo } from 'mongoose';

/** The server's code for a document whose `_id` (or unique key) is taken. */
export const DUPLICATE_KEY = 11000;

export const isDuplicateKey = (error: unknown): boolean =>
  error instanceof mongo.MongoServerError && error.code === DUPLICATE_KEY;

/**
 * The positions of the documents an unordered insertMany refused as duplicates (each of the others was inserted);
 * an error that is anything else, or refuses a document for another cause, is thrown again.
 */
export function duplicatePositions(error: unknown): Set<number> {
  if (!(error instanceof mongo.MongoBulkWriteError)) throw error;
  const refused = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  if (refused.some((refusal) => refusal.code !== DUPLICATE_KEY)) throw error;
  return new Set(refused.map((refusal) => refusal.index));
}
