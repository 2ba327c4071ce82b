import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy, type StrategyOptionsWithRequest } from 'passport-jwt';
import {
  bearerTokenOf,
  identityFromOidcClaims,
  oidcJwtOptions,
  type OidcConfig,
  ROLES,
  type Role,
  VerifiedTokenCache,
} from '@enlace/auth';
import { MONITOR_CONFIG, MonitorConfig } from '../config/monitor.config';
import { AuthenticatedMonitorUser } from './authenticated-monitor-user';
import { tokenAudience, tokenIssuer } from './token-claims';

interface TokenPayload {
  sub?: unknown;
  roles?: unknown;
  exp?: unknown;
}

/**
 * Bearer JWTs: in production those of the secretariat's identity provider (OIDC: its JWKS, issuer and audience, its
 * role claim mapped to Enlace roles), otherwise those of the monitor's built-in development issuer (HS256). A token
 * verified once is taken again without checking its signature until it expires or a minute passes.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly oidc?: OidcConfig;
  private readonly verified = new VerifiedTokenCache<AuthenticatedMonitorUser>();

  constructor(@Inject(MONITOR_CONFIG) config: MonitorConfig) {
    super(config.oidc ? oidcJwtOptions(config.oidc) : developmentOptions(config));
    this.oidc = config.oidc;
  }

  override authenticate(request: Request, options?: object): void {
    const token = bearerTokenOf(request);
    const known = token ? this.verified.get(token) : undefined;
    if (known) this.success(known);
    else super.authenticate(request, options);
  }

  /** The user a verified token stands for (false: none), remembered with the token. */
  validate(request: Request, payload: TokenPayload): AuthenticatedMonitorUser | false {
    const user = this.userOf(payload);
    const token = bearerTokenOf(request);
    if (user && token) this.verified.remember(token, user, typeof payload.exp === 'number' ? payload.exp : undefined);
    return user;
  }

  private userOf(payload: TokenPayload): AuthenticatedMonitorUser | false {
    const expiresAt = typeof payload.exp === 'number' ? { expiresAt: payload.exp * 1000 } : {};
    if (this.oidc) {
      // A secretariat user belongs to no country: a country claim, if any, is not read.
      const identity = identityFromOidcClaims(payload as Record<string, unknown>, this.oidc);
      return identity && { username: identity.username, roles: identity.roles, ...expiresAt };
    }
    if (typeof payload.sub !== 'string') return false;
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
    return { username: payload.sub, roles, ...expiresAt };
  }
}

function developmentOptions(config: MonitorConfig): StrategyOptionsWithRequest {
  // readMonitorConfig requires the secret whenever no identity provider is set: this is a wiring fault
  if (config.jwtSecret === undefined) throw new Error('the development issuer needs ENLACE_JWT_SECRET');
  return {
    jwtFromRequest: bearerTokenOf,
    passReqToCallback: true,
    secretOrKey: config.jwtSecret,
    algorithms: ['HS256'],
    issuer: tokenIssuer(config.network),
    audience: tokenAudience(config.network),
    ignoreExpiration: false,
  };
}
