import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy, StrategyOptionsWithRequest } from 'passport-jwt';
import {
  bearerTokenOf,
  identityFromOidcClaims,
  oidcJwtOptions,
  type OidcConfig,
  ROLES,
  type Role,
  tokenAudience,
  tokenIssuer,
  VerifiedTokenCache,
} from '@enlace/auth';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { AuthConfig } from './auth.config';
import { AUTH_CONFIG } from './auth.tokens';
import { AuthenticatedUser } from './authenticated-user';
import { developmentTokenKey } from './development-token.key';

interface TokenPayload {
  exp?: unknown;
  sub?: unknown;
  country?: unknown;
  roles?: unknown;
  agency?: unknown;
}

/**
 * Bearer JWTs: in production those of the country's identity provider (OIDC: its JWKS, issuer and audience, its
 * role claim mapped to Enlace roles), otherwise those of the built-in development issuer (HS256). A token verified
 * once is taken again without checking its signature until it expires or a minute passes (VerifiedTokenCache): a
 * client sends the same token with every request.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly oidc?: OidcConfig;
  private readonly verified = new VerifiedTokenCache<AuthenticatedUser>();

  constructor(
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
    @Inject(AUTH_CONFIG) auth: AuthConfig,
  ) {
    super(auth.oidc ? oidcJwtOptions(auth.oidc) : developmentOptions(config));
    this.oidc = auth.oidc;
  }

  override authenticate(request: Request, options?: object): void {
    const token = bearerTokenOf(request);
    const known = token ? this.verified.get(token) : undefined;
    if (known) this.success(known);
    else super.authenticate(request, options);
  }

  /** The user a verified token stands for (false: none), remembered with the token. */
  validate(request: Request, payload: TokenPayload): AuthenticatedUser | false {
    const user = this.userOf(payload);
    const token = bearerTokenOf(request);
    if (user && token) this.verified.remember(token, user, typeof payload.exp === 'number' ? payload.exp : undefined);
    return user;
  }

  private userOf(payload: TokenPayload): AuthenticatedUser | false {
    if (this.oidc) {
      const identity = identityFromOidcClaims(payload as Record<string, unknown>, this.oidc);
      // Without a country claim, every user of the provider belongs to the node's country.
      return identity && { ...identity, country: identity.country ?? this.config.country };
    }
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
    if (typeof payload.sub !== 'string' || typeof payload.country !== 'string') return false;
    const agency = typeof payload.agency === 'string' ? { agency: payload.agency } : {};
    return { username: payload.sub, country: payload.country, roles, ...agency };
  }
}

function developmentOptions(config: NodeApiConfig): StrategyOptionsWithRequest {
  // readNodeApiConfig requires the secret whenever no identity provider is set: this is a wiring fault
  if (config.jwtSecret === undefined) throw new Error('the development issuer needs ENLACE_JWT_SECRET');
  return {
    jwtFromRequest: bearerTokenOf,
    passReqToCallback: true,
    // A key object, made once: passport-jwt hands it to jsonwebtoken as it is (its types name only strings and
    // buffers, which jsonwebtoken would turn into a key object on every request).
    secretOrKey: developmentTokenKey(config.jwtSecret) as unknown as Buffer,
    algorithms: ['HS256'],
    issuer: tokenIssuer(config.network),
    audience: tokenAudience(config.network),
    ignoreExpiration: false,
  };
}
