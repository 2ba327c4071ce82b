export * from './node-database.schema';
export * from './postgres-database.factory';
export * from './schema-migrations';
export * from './node-migrations';
export * from './node-channels';
export * from './notify';
export * from './database-listener';
export * from './transient-database-failure';
