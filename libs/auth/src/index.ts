export * from './password-hash';
export * from './roles';
export * from './rights';
export * from './case-rights';
export * from './intake-rights';
export * from './token-claims';
export * from './document-rights';
export * from './oidc';
