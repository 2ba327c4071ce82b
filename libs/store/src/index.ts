export * from './mongo-connection.factory';
export * from './outbox-entry';
export * from './outbox-relay.store';
export * from './inbox-entry';
export * from './inbox.store';
export * from './node-database-name';
export * from './case-collections';
