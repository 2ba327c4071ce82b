import { Kysely } from 'kysely';

/**
 * The audit log's records are sealed with the node's audit key (HMAC-SHA256, the key outside the database): each
 * record names the key that sealed it. Records written before stay as they were, sealed by SHA-256 alone (key_id
 * null); the first keyed record chains to the last of them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('key_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('key_id').execute();
}
