import { Kysely, sql } from 'kysely';

/**
 * The audit checkpoints each node's courier publishes, signed with the node's key (audit-checkpoint.v1): how long
 * the node's audit log was and the seal of its last record, no personal data. Kept as received, the signed statement
 * included, so that an auditor can check one again against the directory; two checkpoints of one node at the same
 * length with different seals are both kept (evidence of a rewritten log). Also the audit log's key_id column, so
 * that the monitor's log keeps exactly the columns of a node's (libs/store 0008-audit-key).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('country', 'text', (column) => column.notNull())
    .addColumn('sequence', 'bigint', (column) => column.notNull())
    .addColumn('head_mac', 'text', (column) => column.notNull())
    .addColumn('count', 'bigint', (column) => column.notNull())
    .addColumn('made_at', 'timestamptz', (column) => column.notNull())
    .addColumn('statement', 'text', (column) => column.notNull())
    .addColumn('received_at', 'timestamptz', (column) => column.notNull())
    .addPrimaryKeyConstraint('audit_checkpoints_pkey', ['country', 'sequence', 'head_mac'])
    .execute();
  await sql`create index audit_checkpoints_latest on audit_checkpoints (country, sequence desc, made_at desc)`.execute(
    db,
  );
  await db.schema.alterTable('audit_log').addColumn('key_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('key_id').execute();
  await db.schema.dropTable('audit_checkpoints').ifExists().execute();
}
