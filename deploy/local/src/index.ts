// @enlace/local-infra: starts, checks and stops the local Kafka and PostgreSQL (see deploy/local/README.md).
export {
  ensureInfra,
  formatStatus,
  infraStatus,
  maskCredentials,
  stopInfra,
  stopInfraComponent,
  type ComponentState,
  type ComponentStatus,
  type InfraEndpoints,
  type InfraKafkaTls,
  type InfraOptions,
  type InfraStatus,
} from './infra-control';
export type { ComponentName } from './component';
export { PrerequisiteError } from './prerequisites';
export { assertDatabaseName, dropDatabase, ensureDatabase } from './postgres-databases';
export * from './network/local-network';
export * from './network/local-monitor';
export * from './network/network-material';
export * from './network/node-processes';
export * from './network/node-heap';
export * from './network/free-ports';
export * from './network/console-process';
export * from './network/demo-network';
export * from './network/demo-network.constants';
export * from './network/kafka-principals';
export { startPrivateKafka, type PrivateKafka } from './private-kafka';
export { upsertScramUsers, type ScramUsersTarget } from './scram-users';
export { KAFKA_ADMIN_USER } from './kafka-admin-credentials';
export * from './traffic';
