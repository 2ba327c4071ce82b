/** The PersonalDataVault of node-api: personal fields and outbox payloads sealed with the key of their case. */
export const PERSONAL_DATA_VAULT = Symbol('PERSONAL_DATA_VAULT');
/** SealedCaseContent: how the repositories seal and open a case's personal content and outbox. */
export const SEALED_CASE_CONTENT = Symbol('SEALED_CASE_CONTENT');
