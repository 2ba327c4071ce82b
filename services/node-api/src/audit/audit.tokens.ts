export const AUDIT_LOG_STORE = Symbol('AUDIT_LOG_STORE');
export const CASE_AUDIT_TRAIL = Symbol('CASE_AUDIT_TRAIL');
export const AUDIT_KEY = Symbol('AUDIT_KEY');
export const AUDIT_RECORDS_SERVICE = Symbol('AUDIT_RECORDS_SERVICE');
