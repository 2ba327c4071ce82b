import { Inject, Injectable } from '@nestjs/common';
import {
  BearerTokenStrategy,
  identityFromOidcClaims,
  rolesAmong,
  tokenAudience,
  tokenIssuer,
  type VerifiedClaims,
} from '@enlace/auth';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { AuthConfig } from './auth.config';
import { AUTH_CONFIG } from './auth.tokens';
import { AuthenticatedUser } from './authenticated-user';

/**
 * Bearer JWTs of the country's identity provider (its role claim mapped to Enlace roles) or, without one, of the
 * node's built-in development issuer; verified and remembered by BearerTokenStrategy. A user belongs to a country.
 */
@Injectable()
export class JwtStrategy extends BearerTokenStrategy<AuthenticatedUser> {
  constructor(
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
    @Inject(AUTH_CONFIG) auth: AuthConfig,
  ) {
    super(auth.oidc, {
      secret: config.jwtSecret,
      issuer: tokenIssuer(config.network),
      audience: tokenAudience(config.network),
    });
  }

  protected override userOf(claims: VerifiedClaims): AuthenticatedUser | false {
    if (this.oidc) {
      const identity = identityFromOidcClaims(claims, this.oidc);
      // Without a country claim, every user of the provider belongs to the node's country.
      return identity && { ...identity, country: identity.country ?? this.config.country };
    }
    if (typeof claims.sub !== 'string' || typeof claims.country !== 'string') return false;
    const agency = typeof claims.agency === 'string' ? { agency: claims.agency } : {};
    return { username: claims.sub, country: claims.country, roles: rolesAmong(claims.roles), ...agency };
  }
}
