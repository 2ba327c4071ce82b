/** The development issuer's names; a node's tokens are not for the monitor, nor the monitor's for a node. */
export const tokenIssuer = (network: string): string => `enlace-dev-issuer:${network}`;
export const tokenAudience = (network: string): string => `enlace-monitor:${network}`;
