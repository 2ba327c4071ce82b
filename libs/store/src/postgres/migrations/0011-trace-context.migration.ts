import { Kysely } from 'kysely';

/**
 * The trace context a message carries from one process to the next through the database: the W3C traceparent of the
 * API request (or of the applied message) that wrote an outbox row, and of the courier's receipt of an inbox entry.
 * Random ids and flags only; null when the writer traced nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('traceparent', 'text').execute();
  await db.schema.alterTable('inbox').addColumn('traceparent', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('inbox').dropColumn('traceparent').execute();
  await db.schema.alterTable('outbox').dropColumn('traceparent').execute();
}
