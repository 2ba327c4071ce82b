import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-jwt';
import { type DevelopmentIssuer, developmentJwtOptions } from './development-jwt-options';
import type { OidcConfig } from './oidc-config';
import { bearerTokenOf, oidcJwtOptions } from './oidc-jwt-options';
import { VerifiedTokenCache } from './verified-token.cache';

/** The claims of a token whose signature, issuer, audience and expiry passport-jwt has verified. */
export type VerifiedClaims = Readonly<Record<string, unknown>>;

/**
 * A service's passport 'jwt' strategy for bearer tokens: in production those of its identity provider (OIDC: its
 * JWKS, issuer and audience), otherwise those of its built-in development issuer (HS256). A token verified once is
 * taken again without checking its signature until it expires or a minute passes (VerifiedTokenCache): a client
 * sends the same token with every request. Each service says only who a token's claims stand for (`userOf`).
 */
export abstract class BearerTokenStrategy<U> extends PassportStrategy(Strategy, 'jwt') {
  private readonly verified = new VerifiedTokenCache<U>();

  /** `oidc`: the identity provider whose tokens are taken; absent, the development issuer's are. */
  protected constructor(
    protected readonly oidc: OidcConfig | undefined,
    development: DevelopmentIssuer,
  ) {
    super(oidc ? oidcJwtOptions(oidc) : developmentJwtOptions(development));
  }

  override authenticate(request: Request, options?: object): void {
    const token = bearerTokenOf(request);
    const known = token ? this.verified.get(token) : undefined;
    if (known) this.success(known);
    else super.authenticate(request, options);
  }

  /** The user a verified token stands for (false: none), remembered with the token. */
  validate(request: Request, claims: VerifiedClaims): U | false {
    const user = this.userOf(claims);
    const token = bearerTokenOf(request);
    if (user && token) this.verified.remember(token, user, typeof claims.exp === 'number' ? claims.exp : undefined);
    return user;
  }

  /** The user a verified token's claims stand for; false when they name none this service takes. */
  protected abstract userOf(claims: VerifiedClaims): U | false;
}
