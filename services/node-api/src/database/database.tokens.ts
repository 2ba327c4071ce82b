/** Injection tokens of node-api's database and stores. */
export const NODE_DATABASE = Symbol('NODE_DATABASE');
export const INBOX_STORE = Symbol('INBOX_STORE');
export const CASE_WRITE_LOCK = Symbol('CASE_WRITE_LOCK');
export const OUTBOX_SENT_FOLDER = Symbol('OUTBOX_SENT_FOLDER');
