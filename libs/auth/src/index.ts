export * from './password-hash';
export * from './roles';
