import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { SignJWT } from 'jose';
import { developmentTokenKey, tokenAudience, tokenIssuer } from '@enlace/auth';
import type { NodeApiConfig } from '../config/node-api.config';
import { readAuthConfig } from './auth.config';
import { JwtStrategy } from './jwt.strategy';

const network = 'unit';
const secret = 'a-development-secret-of-at-least-32-characters';
const config = { country: 'CO', network, jwtSecret: secret } as NodeApiConfig;

type TestedStrategy = {
  authenticate(request: Request): void;
  success(user: unknown): void;
  fail(): void;
  error(error: Error): void;
};

const newStrategy = () => new JwtStrategy(config, readAuthConfig({})) as unknown as TestedStrategy;

/** The strategy's verdict on a request bearing `token`: the user it let in, or false when it refused. */
function verdictOn(token: string, strategy: TestedStrategy = newStrategy()): Promise<unknown> {
  return new Promise((resolve, reject) => {
    strategy.success = (user) => resolve(user);
    strategy.fail = () => resolve(false);
    strategy.error = reject;
    strategy.authenticate({ headers: { authorization: `Bearer ${token}` } } as Request);
  });
}

const signedWith = (key: string, claims: { issuer?: string } = {}): Promise<string> =>
  new SignJWT({ country: 'CO', roles: ['focal-point'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(claims.issuer ?? tokenIssuer(network))
    .setAudience(tokenAudience(network))
    .setSubject('ana')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(key));

describe('JwtStrategy', () => {
  describe('authenticate (development issuer)', () => {
    it('should let in the bearer of a token signed with the network’s secret', async () => {
      await expect(verdictOn(await signedWith(secret))).resolves.toEqual({
        username: 'ana',
        country: 'CO',
        roles: ['focal-point'],
      });
    });

    it('should refuse a token signed with another secret', async () => {
      await expect(verdictOn(await signedWith(`${secret}-but-another`))).resolves.toBe(false);
    });

    it('should refuse a token of another issuer, however well signed', async () => {
      await expect(verdictOn(await signedWith(secret, { issuer: 'someone-else' }))).resolves.toBe(false);
    });

    it('should let in a token the node signed itself with its key object', async () => {
      const issuer = new JwtService({
        privateKey: developmentTokenKey(secret),
        signOptions: { algorithm: 'HS256', issuer: tokenIssuer(network), audience: tokenAudience(network) },
      });

      const token = await issuer.signAsync({ country: 'CO', roles: ['auditor'] }, { subject: 'luis', expiresIn: 60 });

      await expect(verdictOn(token)).resolves.toEqual({ username: 'luis', country: 'CO', roles: ['auditor'] });
    });
  });
});
