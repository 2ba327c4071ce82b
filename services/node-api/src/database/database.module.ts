import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { InboxStore, createMongoConnection } from '@enlace/store';
import { Connection } from 'mongoose';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { INBOX_STORE, NODE_DATABASE } from './database.tokens';

const logger = new Logger('database');

/** The node's own database: its cases and its inbox, and no other node's. */
@Global()
@Module({
  providers: [
    {
      provide: NODE_DATABASE,
      inject: [NODE_API_CONFIG],
      useFactory: (config: NodeApiConfig) =>
        createMongoConnection({
          uri: config.mongodbUri,
          dbName: config.dbName,
          onRetry: (error, attempt) => logger.warn(`waiting for the database (attempt ${attempt}): ${error.message}`),
        }),
    },
    { provide: INBOX_STORE, inject: [NODE_DATABASE], useFactory: (db: Connection) => new InboxStore(db) },
  ],
  exports: [NODE_DATABASE, INBOX_STORE],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(NODE_DATABASE) private readonly database: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
