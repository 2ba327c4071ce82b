export * from './key-encryption-key';
export * from './case-data-cipher';
export * from './case-key-wrapping';
export * from './case-key.store';
export * from './personal-data-vault';
