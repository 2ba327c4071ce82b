export * from './shared';
export * from './referral';
