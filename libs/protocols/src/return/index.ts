// The package holds several protocols: every name exported here says it belongs to the return.
export * from './return.state';
export * from './return.status';
export * from './return.commands';
export * from './return.events';
export * from './return-rule-violation.error';
export * from './return.transitions';
export * from './return.admission';
export * from './return.child-safeguards';
export * from './return.decide';
export * from './return.evolve';
export * from './return.allowed-commands';
export * from './return.pending-on';
export * from './return.counterpart';
export * from './return.arrival-order';
