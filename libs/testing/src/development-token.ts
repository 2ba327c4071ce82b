import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { SignJWT } from 'jose';
import { tokenAudience, tokenIssuer } from '@enlace/auth';

export interface DevelopmentTokenClaims {
  readonly country: string;
  readonly roles: readonly string[];
  readonly username?: string;
  /** The user's agency at the node; absent: the node's gateway agency. */
  readonly agency?: string;
  /** Seconds from now; negative for a token that has already expired. */
  readonly expiresIn?: number;
}

/**
 * A bearer token of a local network's built-in development issuer, signed with a node's secret as the launcher
 * keeps it under `home`: for tests that need a user of any role, including ones the demo has no user for. The node
 * whose issuer signs it is the user's own unless `issuedBy` names another (a user of one country holding a token
 * that another country's node issued).
 */
export async function developmentToken(
  home: string,
  network: string,
  claims: DevelopmentTokenClaims,
  issuedBy: string = claims.country,
): Promise<string> {
  const material = JSON.parse(await fs.readFile(path.join(home, 'network', network, 'material.json'), 'utf8')) as {
    jwtSecrets: Record<string, string>;
  };
  const secret = material.jwtSecrets[issuedBy];
  if (secret === undefined) throw new Error(`the network ${network} has no node ${issuedBy}`);
  return signDevelopmentToken(secret, network, claims);
}

/** A bearer token of a node's built-in development issuer, signed with the node's secret (`ENLACE_JWT_SECRET`). */
export function signDevelopmentToken(secret: string, network: string, claims: DevelopmentTokenClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    country: claims.country,
    roles: [...claims.roles],
    ...(claims.agency ? { agency: claims.agency } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(tokenIssuer(network))
    .setAudience(tokenAudience(network))
    .setSubject(claims.username ?? `${claims.country.toLowerCase()}.${claims.roles.join('+') || 'nobody'}`)
    .setIssuedAt()
    .setExpirationTime(now + (claims.expiresIn ?? 600))
    .sign(new TextEncoder().encode(secret));
}
