import { Kysely, sql } from 'kysely';

/**
 * What a node's users asked to be told (subscriptions: an e-mail address or a webhook, and the events), the
 * notifications waiting to go out or gone (each at most once per subscription and event: `dedupe_key`), and how far
 * the scanner has read the inbox. A notification names a case id and a step, never a person.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_subscriptions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('username', 'text', (column) => column.notNull())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('address', 'text', (column) => column.notNull())
    .addColumn('secret', 'text')
    .addColumn('events', sql`text[]`, (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('notification_subscriptions_by_user')
    .on('notification_subscriptions')
    .columns(['username'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('seq', 'bigint', (column) => column.notNull().generatedAlwaysAsIdentity())
    .addColumn('subscription_id', 'text', (column) =>
      column.notNull().references('notification_subscriptions.id').onDelete('cascade'),
    )
    .addColumn('dedupe_key', 'text', (column) => column.notNull().unique())
    .addColumn('message', 'jsonb', (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (column) => column.notNull())
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('given_up_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .execute();
  await sql`create index notifications_waiting on notifications (next_attempt_at) where delivered_at is null and given_up_at is null`.execute(
    db,
  );

  await db.schema
    .createTable('notification_cursor')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('last_seq', 'bigint', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['notification_cursor', 'notifications', 'notification_subscriptions']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
