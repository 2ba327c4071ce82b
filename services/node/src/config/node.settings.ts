import { courierConfigSchema } from '@enlace/courier';
import { nodeApiConfigSchema } from '@enlace/node-api';

/**
 * A whole country node in one process reads node-api's settings and its courier's: one schema of both, checked
 * before either starts, so that every problem of the two is named at once.
 */
export const nodeConfigSchema = nodeApiConfigSchema.with('the node (node-api and its courier)', courierConfigSchema);
