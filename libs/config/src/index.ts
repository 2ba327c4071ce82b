export * from './env-reader';
export * from './secret-file';
