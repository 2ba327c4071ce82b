import type { components } from './generated/node-api.generated';

/** The node API's component schemas by name, e.g. NodeApiSchemas['ReferralView']. */
export type NodeApiSchemas = components['schemas'];
