import { Inject, Injectable } from '@nestjs/common';
import { BearerTokenStrategy, identityFromOidcClaims, rolesAmong, type VerifiedClaims } from '@enlace/auth';
import { MONITOR_CONFIG, MonitorConfig } from '../config/monitor.config';
import { AuthenticatedMonitorUser } from './authenticated-monitor-user';
import { tokenAudience, tokenIssuer } from './token-claims';

/**
 * Bearer JWTs of the secretariat's identity provider (its role claim mapped to Enlace roles) or, without one, of the
 * monitor's built-in development issuer; verified and remembered by BearerTokenStrategy. A secretariat user belongs
 * to no country; the token's expiry goes with the user, so that a long-lived answer ends with it.
 */
@Injectable()
export class JwtStrategy extends BearerTokenStrategy<AuthenticatedMonitorUser> {
  constructor(@Inject(MONITOR_CONFIG) config: MonitorConfig) {
    super(config.oidc, {
      secret: config.jwtSecret,
      issuer: tokenIssuer(config.network),
      audience: tokenAudience(config.network),
    });
  }

  protected override userOf(claims: VerifiedClaims): AuthenticatedMonitorUser | false {
    const expiresAt = typeof claims.exp === 'number' ? { expiresAt: claims.exp * 1000 } : {};
    if (this.oidc) {
      // A country claim, if any, is not read.
      const identity = identityFromOidcClaims(claims, this.oidc);
      return identity && { username: identity.username, roles: identity.roles, ...expiresAt };
    }
    if (typeof claims.sub !== 'string') return false;
    return { username: claims.sub, roles: rolesAmong(claims.roles), ...expiresAt };
  }
}
