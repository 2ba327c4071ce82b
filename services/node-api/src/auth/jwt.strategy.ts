import type { KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { ExtractJwt, Strategy, StrategyOptionsWithRequest } from 'passport-jwt';
import { ROLES, Role } from '@enlace/auth';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { AuthConfig, OidcConfig } from './auth.config';
import { AUTH_CONFIG } from './auth.tokens';
import { AuthenticatedUser } from './authenticated-user';
import { developmentTokenKey } from './development-token.key';
import { userFromOidcClaims } from './oidc-claims';
import { OidcSigningKeys } from './oidc-signing-keys';
import { VerifiedTokenCache } from './verified-token.cache';
import { tokenAudience, tokenIssuer } from '@enlace/auth';

interface TokenPayload {
  exp?: unknown;
  sub?: unknown;
  country?: unknown;
  roles?: unknown;
  agency?: unknown;
}

/** Seconds of clock difference tolerated between the identity provider and this node. */
const CLOCK_TOLERANCE_SECONDS = 30;

const bearerOf = ExtractJwt.fromAuthHeaderAsBearerToken();

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
    super(auth.oidc ? oidcOptions(auth.oidc) : developmentOptions(config));
    this.oidc = auth.oidc;
  }

  override authenticate(request: Request, options?: object): void {
    const token = bearerOf(request);
    const known = token ? this.verified.get(token) : undefined;
    if (known) this.success(known);
    else super.authenticate(request, options);
  }

  /** The user a verified token stands for (false: none), remembered with the token. */
  validate(request: Request, payload: TokenPayload): AuthenticatedUser | false {
    const user = this.userOf(payload);
    const token = bearerOf(request);
    if (user && token) this.verified.remember(token, user, typeof payload.exp === 'number' ? payload.exp : undefined);
    return user;
  }

  private userOf(payload: TokenPayload): AuthenticatedUser | false {
    if (this.oidc) return userFromOidcClaims(payload as Record<string, unknown>, this.oidc, this.config.country);
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
    jwtFromRequest: bearerOf,
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

function oidcOptions(oidc: OidcConfig): StrategyOptionsWithRequest {
  const keys = new OidcSigningKeys(oidc);
  return {
    jwtFromRequest: bearerOf,
    passReqToCallback: true,
    secretOrKeyProvider: (_request: Request, rawJwtToken: string, done: (error: unknown, key?: Buffer) => void) => {
      keys.keyFor(rawJwtToken).then(
        // A key object, as the development key: jsonwebtoken takes it as it is (see developmentOptions).
        (key: KeyObject) => done(null, key as unknown as Buffer),
        // No key, no user: passport answers 401 without saying more to the caller.
        (error: unknown) => done(error),
      );
    },
    algorithms: [...oidc.algorithms] as StrategyOptionsWithRequest['algorithms'],
    issuer: oidc.issuer,
    audience: oidc.audience,
    ignoreExpiration: false,
    jsonWebTokenOptions: { clockTolerance: CLOCK_TOLERANCE_SECONDS },
  };
}
