export * from './env-reader';
export * from './secret-file';
export * from './deployment-mode';
