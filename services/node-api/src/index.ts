export * from './node-api.module';
export * from './node-api.http';
export * from './config/node-api.config';
export * from './config/node-api.settings';
