/** Injection tokens of the monitor's infrastructure. */
export const MONITOR_DATABASE = Symbol('MONITOR_DATABASE');
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
export const ENVELOPE_PUBLISHER = Symbol('ENVELOPE_PUBLISHER');
/**
 * The network's members whose keys the monitor checks signatures with (a ListedMemberDirectory): the signed directory
 * topic given trust anchors, else the directory file (development).
 */
export const MEMBER_DIRECTORY = Symbol('MEMBER_DIRECTORY');
