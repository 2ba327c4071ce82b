export * from './node-api.client';
export * from './eventually';
export * from './files-containing';
export * from './test-infra';
export * from './openapi-operations';
export * from './json-schema-arbitrary';
