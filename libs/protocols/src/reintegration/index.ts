// The package holds several protocols: every name exported here says it belongs to the reintegration.
export * from './reintegration.state';
export * from './reintegration.status';
export * from './reintegration.commands';
export * from './reintegration.events';
export * from './reintegration-rule-violation.error';
export * from './reintegration.transitions';
// The date arithmetic and the opening's checks are the protocol's own; only the default due time is for callers.
export { defaultReintegrationPlanDueAt } from './reintegration.schedule';
export * from './reintegration.decide';
export * from './reintegration.evolve';
export * from './reintegration.allowed-commands';
export * from './reintegration.sharing';
export * from './reintegration.deadlines';
export * from './reintegration.pending-on';
export * from './reintegration.counterpart';
export * from './reintegration.arrival-order';
