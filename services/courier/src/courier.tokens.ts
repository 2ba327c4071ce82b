/** Injection tokens of the courier's ports and stores. */
export const ENVELOPE_PUBLISHER = Symbol('ENVELOPE_PUBLISHER');
export const DEAD_LETTER_PUBLISHER = Symbol('DEAD_LETTER_PUBLISHER');
export const INBOX_STORE = Symbol('INBOX_STORE');
export const OUTBOX_RELAY_STORE = Symbol('OUTBOX_RELAY_STORE');
export const NODE_DATABASE = Symbol('NODE_DATABASE');
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
/** The MemberDirectory: the signed directory topic, or a file in development. */
export const MEMBER_DIRECTORY = Symbol('MEMBER_DIRECTORY');
export const DEADLINE_NOTICE_STORE = Symbol('DEADLINE_NOTICE_STORE');
/** The PersonalDataVault: inbox payloads are sealed, outbox payloads opened, with the key of their case. */
export const PERSONAL_DATA_VAULT = Symbol('PERSONAL_DATA_VAULT');
export const STATISTICS_REPORT_STORE = Symbol('STATISTICS_REPORT_STORE');
/** A producer of the heartbeats' own, so that a beat never queues behind the relay's batches on one connection. */
export const HEARTBEAT_PUBLISHER = Symbol('HEARTBEAT_PUBLISHER');

/** The node's audit log, read for its head only: the courier never writes it and has no audit key. */
export const AUDIT_LOG_STORE = Symbol('AUDIT_LOG_STORE');
