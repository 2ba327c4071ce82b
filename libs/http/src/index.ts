export * from './client-error.problem';
export * from './problem-details';
export * from './login-throttling/login-throttler.guard';
export * from './login-throttling/login-throttlers';
export * from './login-throttling/login-budgets.config';
export * from './trusted-proxies.config';
