export * from './protocol-rule-violation.error';
export * from './orphan-protocol-event.error';
export * from './iso-instant';
export * from './protocol-consent';
