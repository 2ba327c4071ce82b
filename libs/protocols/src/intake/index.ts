// The package holds several protocols: every name exported here says it belongs to the intake.
export * from './intake.state';
export * from './intake.commands';
export * from './intake.events';
export * from './intake-rule-violation.error';
export * from './intake.decide';
export * from './intake.evolve';
