export * from './envelope-trace-context';
export * from './envelope-trace-header';
export * from './start-tracing';
