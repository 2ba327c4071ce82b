export * from './topic-names';
export * from './kafka-record.types';
export * from './envelope-publisher.port';
export * from './kafka-client.factory';
export * from './kafka-envelope-publisher';
export * from './kafka-inbox-consumer';
export * from './dead-letter.publisher';
export * from './topic-provisioner';
