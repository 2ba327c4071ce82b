/** Injection tokens of node-api's database and stores. */
export const NODE_DATABASE = Symbol('NODE_DATABASE');
export const NODE_TRANSACTIONS = Symbol('NODE_TRANSACTIONS');
export const INBOX_STORE = Symbol('INBOX_STORE');
