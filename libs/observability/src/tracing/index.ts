export * from './envelope-trace-context';
export * from './envelope-trace-header';
export * from './redacted-query';
export * from './start-tracing';
