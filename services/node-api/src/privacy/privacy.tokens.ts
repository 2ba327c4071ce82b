/** The PersonalDataVault of node-api: personal fields and outbox payloads sealed with the key of their case. */
export const PERSONAL_DATA_VAULT = Symbol('PERSONAL_DATA_VAULT');
/** CaseSearchTerms: the blind index of the node's search over its own cases. */
export const CASE_SEARCH_TERMS = Symbol('CASE_SEARCH_TERMS');
/** The node's key-encryption key, loaded once from its file. */
export const KEY_ENCRYPTION_KEY = Symbol('KEY_ENCRYPTION_KEY');
/** SealedCaseContent: how the repositories seal and open a case's personal content and outbox. */
export const SEALED_CASE_CONTENT = Symbol('SEALED_CASE_CONTENT');
