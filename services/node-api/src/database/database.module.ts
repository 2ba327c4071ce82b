import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { InboxStore, NodeDatabase, createPostgresDatabase, migrateNodeDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { INBOX_STORE, NODE_DATABASE, NODE_TRANSACTIONS } from './database.tokens';
import { NodeTransactions } from './node-transactions';

const logger = new Logger('database');

/** The node's own database: its cases, its outbox and its inbox, and no other node's. */
@Global()
@Module({
  providers: [
    {
      provide: NODE_DATABASE,
      inject: [NODE_API_CONFIG],
      useFactory: async (config: NodeApiConfig) => {
        const db = await createPostgresDatabase<NodeDatabase>({
          url: config.databaseUrl,
          maxConnections: config.databaseMaxConnections,
          applicationName: `enlace-node-api-${config.country.toLowerCase()}`,
          onRetry: (error, attempt) => logger.warn(`waiting for the database (attempt ${attempt}): ${error.message}`),
        });
        // The courier migrates too at its start: the migrator's lock lets one apply and the other find it done.
        await migrateNodeDatabase(db);
        return db;
      },
    },
    {
      provide: NODE_TRANSACTIONS,
      inject: [NODE_DATABASE],
      useFactory: (db: Kysely<NodeDatabase>) => new NodeTransactions(db),
    },
    { provide: INBOX_STORE, inject: [NODE_DATABASE], useFactory: (db: Kysely<NodeDatabase>) => new InboxStore(db) },
  ],
  exports: [NODE_DATABASE, NODE_TRANSACTIONS, INBOX_STORE],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(NODE_DATABASE) private readonly database: Kysely<NodeDatabase>) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.destroy();
  }
}
