/** Injection tokens of the monitor's infrastructure. */
export const MONITOR_DATABASE = Symbol('MONITOR_DATABASE');
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
export const ENVELOPE_PUBLISHER = Symbol('ENVELOPE_PUBLISHER');
