import type { Request } from 'express';
import { SignJWT } from 'jose';
import { Strategy } from 'passport-jwt';
import { BearerTokenStrategy, type VerifiedClaims } from './bearer-token.strategy';
import type { DevelopmentIssuer } from './development-jwt-options';
import type { OidcConfig } from './oidc-config';

const secret = 'a-development-secret-of-at-least-32-characters';
const development = { secret, issuer: 'unit-issuer', audience: 'unit-audience' };

/** A service's strategy as small as can be: the user is the token's subject. */
class SubjectStrategy extends BearerTokenStrategy<{ readonly username: string }> {
  constructor(oidc: OidcConfig | undefined, issuer: DevelopmentIssuer = development) {
    super(oidc, issuer);
  }

  protected override userOf(claims: VerifiedClaims): { readonly username: string } | false {
    return typeof claims.sub === 'string' && { username: claims.sub };
  }
}

type TestedStrategy = {
  authenticate(request: Request): void;
  success(user: unknown): void;
  fail(): void;
  error(error: Error): void;
};

/** The strategy's verdict on a request bearing `token`: the user it let in, or false when it refused. */
function verdictOn(token: string, strategy: TestedStrategy): Promise<unknown> {
  return new Promise((resolve, reject) => {
    strategy.success = (user) => resolve(user);
    strategy.fail = () => resolve(false);
    strategy.error = reject;
    strategy.authenticate({ headers: { authorization: `Bearer ${token}` } } as Request);
  });
}

const signedWith = (key: string, subject = 'ana'): Promise<string> =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(development.issuer)
    .setAudience(development.audience)
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(key));

const newStrategy = () => new SubjectStrategy(undefined) as unknown as TestedStrategy;

describe('BearerTokenStrategy', () => {
  describe('constructor', () => {
    it('should refuse to start without an identity provider nor the development issuer’s secret', () => {
      expect(() => new SubjectStrategy(undefined, { ...development, secret: undefined })).toThrow(
        'the development issuer needs ENLACE_JWT_SECRET',
      );
    });

    it('should need no development secret when an identity provider is set', () => {
      const oidc: OidcConfig = {
        issuer: 'https://idp.example',
        audience: 'enlace',
        algorithms: ['RS256'],
        rolesClaim: 'roles',
        usernameClaim: 'sub',
      };

      expect(() => new SubjectStrategy(oidc, { ...development, secret: undefined })).not.toThrow();
    });
  });

  describe('authenticate', () => {
    afterEach(() => jest.restoreAllMocks());

    it('should let in the user the service reads in a token signed by its development issuer', async () => {
      await expect(verdictOn(await signedWith(secret), newStrategy())).resolves.toEqual({ username: 'ana' });
    });

    it('should let the same token in again without checking its signature again', async () => {
      const strategy = newStrategy();
      const token = await signedWith(secret);
      const first = await verdictOn(token, strategy);
      const verifying = jest.spyOn(Strategy.prototype, 'authenticate');

      const second = await verdictOn(token, strategy);

      expect(first).toEqual({ username: 'ana' });
      expect(second).toEqual(first);
      expect(verifying).not.toHaveBeenCalled();
    });

    it('should check a refused token again each time, and refuse it each time', async () => {
      const strategy = newStrategy();
      const token = await signedWith(`${secret}-but-another`);
      await verdictOn(token, strategy);
      const verifying = jest.spyOn(Strategy.prototype, 'authenticate');

      await expect(verdictOn(token, strategy)).resolves.toBe(false);
      expect(verifying).toHaveBeenCalledTimes(1);
    });

    it('should not remember a token whose claims the service reads as no user', async () => {
      const strategy = newStrategy();
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(development.issuer)
        .setAudience(development.audience)
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(secret));
      await verdictOn(token, strategy);
      const verifying = jest.spyOn(Strategy.prototype, 'authenticate');

      await expect(verdictOn(token, strategy)).resolves.toBe(false);
      expect(verifying).toHaveBeenCalledTimes(1);
    });
  });
});
