export const AUDIT_LOG_STORE = Symbol('AUDIT_LOG_STORE');
