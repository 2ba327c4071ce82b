import type { components } from './generated/monitor.generated';

/** The monitor API's component schemas by name, e.g. MonitorApiSchemas['FlowReport']. */
export type MonitorApiSchemas = components['schemas'];
