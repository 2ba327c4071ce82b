export * from './shared';
export * from './referral';
export * from './return';
export * from './reintegration';
export * from './intake';
export * from './statistics';
