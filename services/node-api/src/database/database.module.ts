import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { InboxStore, KeyedWriteLock, OutboxSentFolderStore, createMongoConnection } from '@enlace/store';
import { Connection } from 'mongoose';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { CASE_WRITE_LOCK, INBOX_STORE, NODE_DATABASE, OUTBOX_SENT_FOLDER } from './database.tokens';

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
    // One lock for every write to a case document in this process (see KeyedWriteLock).
    { provide: CASE_WRITE_LOCK, useValue: new KeyedWriteLock() },
    {
      provide: OUTBOX_SENT_FOLDER,
      inject: [NODE_DATABASE],
      useFactory: (db: Connection) => new OutboxSentFolderStore(db),
    },
  ],
  exports: [NODE_DATABASE, INBOX_STORE, CASE_WRITE_LOCK, OUTBOX_SENT_FOLDER],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(NODE_DATABASE) private readonly database: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
