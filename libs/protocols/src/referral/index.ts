export * from './referral.state';
export * from './referral.status';
export * from './referral.commands';
export * from './referral.events';
export * from './referral-rule-violation.error';
export * from './referral.transitions';
export * from './referral.decide';
export * from './referral.evolve';
export * from './referral.allowed-commands';
export * from './referral.counterpart';

// The package will hold several protocols: these names say which one they belong to.
export { decide as decideReferral } from './referral.decide';
export { evolve as evolveReferral } from './referral.evolve';
export { allowedCommands as allowedReferralCommands } from './referral.allowed-commands';
export * from './referral.arrival-order';
