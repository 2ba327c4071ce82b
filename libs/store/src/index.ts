export * from './outbox-entry';
export * from './outbox-relay.store';
export * from './outbox-rows';
export * from './inbox-entry';
export * from './inbox.store';
export * from './node-database-name';
export * from './deadline-notice.store';
export * from './postgres';
