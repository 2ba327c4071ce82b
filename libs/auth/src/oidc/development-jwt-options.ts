import type { StrategyOptionsWithRequest } from 'passport-jwt';
import { developmentTokenKey } from './development-token.key';
import { bearerTokenOf } from './oidc-jwt-options';

/** A service's built-in development issuer, whose HS256 tokens it takes when no identity provider is set. */
export interface DevelopmentIssuer {
  /** ENLACE_JWT_SECRET; the service's config requires it whenever no identity provider is set. */
  readonly secret: string | undefined;
  readonly issuer: string;
  readonly audience: string;
}

/** passport-jwt's options for the development issuer's tokens: its secret's signature, its names, an expiry not passed. */
export function developmentJwtOptions(development: DevelopmentIssuer): StrategyOptionsWithRequest {
  // The service's config requires the secret whenever no identity provider is set: this is a wiring fault.
  if (development.secret === undefined) throw new Error('the development issuer needs ENLACE_JWT_SECRET');
  return {
    jwtFromRequest: bearerTokenOf,
    passReqToCallback: true,
    // A key object, made once: passport-jwt hands it to jsonwebtoken as it is (its types name only strings and
    // buffers, which jsonwebtoken would turn into a key object on every request).
    secretOrKey: developmentTokenKey(development.secret) as unknown as Buffer,
    algorithms: ['HS256'],
    issuer: development.issuer,
    audience: development.audience,
    ignoreExpiration: false,
  };
}
