/** The development issuer's names; tokens of one network are not accepted by another. */
export const tokenIssuer = (network: string): string => `enlace-dev-issuer:${network}`;
export const tokenAudience = (network: string): string => `enlace-node-api:${network}`;
