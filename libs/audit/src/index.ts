export * from './audit-record';
export * from './audit-key';
export * from './audit-hash';
export * from './audit-chain.verifier';
export * from './audit-log.store';
export * from './audit-log-overloaded.error';
export * from './audit-key-mismatch.error';
