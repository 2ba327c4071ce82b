export * from './client-error.problem';
export * from './problem-details';
