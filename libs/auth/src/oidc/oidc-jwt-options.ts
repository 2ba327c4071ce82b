import type { KeyObject } from 'node:crypto';
import type { Request } from 'express';
import { ExtractJwt, type StrategyOptionsWithRequest } from 'passport-jwt';
import type { OidcConfig } from './oidc-config';
import { OidcSigningKeys } from './oidc-signing-keys';

/** Seconds of clock difference tolerated between the identity provider and this service. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** The bearer token of a request, as passport-jwt finds it. */
export const bearerTokenOf = ExtractJwt.fromAuthHeaderAsBearerToken();

/**
 * passport-jwt's options for the tokens of an identity provider: the signature by one of its keys (its JWKS), its
 * issuer, the audience the service has there, an expiry not passed.
 */
export function oidcJwtOptions(oidc: OidcConfig): StrategyOptionsWithRequest {
  const keys = new OidcSigningKeys(oidc);
  return {
    jwtFromRequest: bearerTokenOf,
    passReqToCallback: true,
    secretOrKeyProvider: (_request: Request, rawJwtToken: string, done: (error: unknown, key?: Buffer) => void) => {
      keys.keyFor(rawJwtToken).then(
        // A key object: passport-jwt hands it to jsonwebtoken as it is (its types name only strings and buffers,
        // which jsonwebtoken would turn into a key object on every request).
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
