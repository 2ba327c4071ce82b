import type { Request } from 'express';
import { SignJWT } from 'jose';
import { tokenAudience as nodeTokenAudience, tokenIssuer as nodeTokenIssuer } from '@enlace/auth';
import type { MonitorConfig } from '../config/monitor.config';
import { JwtStrategy } from './jwt.strategy';
import { tokenAudience, tokenIssuer } from './token-claims';

const network = 'unit';
const secret = 'a-development-secret-of-at-least-32-characters';
const config = { network, jwtSecret: secret } as MonitorConfig;

type TestedStrategy = {
  authenticate(request: Request): void;
  success(user: unknown): void;
  fail(): void;
  error(error: Error): void;
};

/** The strategy's verdict on a request bearing `token`: the user it let in, or false when it refused. */
function verdictOn(token: string): Promise<unknown> {
  const strategy = new JwtStrategy(config) as unknown as TestedStrategy;
  return new Promise((resolve, reject) => {
    strategy.success = (user) => resolve(user);
    strategy.fail = () => resolve(false);
    strategy.error = reject;
    strategy.authenticate({ headers: { authorization: `Bearer ${token}` } } as Request);
  });
}

const expiresAt = Math.floor(Date.now() / 1000) + 300;

const signed = (
  claims: Record<string, unknown>,
  names = { issuer: tokenIssuer(network), audience: tokenAudience(network) },
) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(names.issuer)
    .setAudience(names.audience)
    .setSubject('sofia')
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(secret));

describe('JwtStrategy', () => {
  describe('authenticate (development issuer)', () => {
    it('should let in a secretariat user with the Enlace roles the token claims, until the token expires', async () => {
      await expect(verdictOn(await signed({ roles: ['secretariat', 'no-such-role'] }))).resolves.toEqual({
        username: 'sofia',
        roles: ['secretariat'],
        expiresAt: expiresAt * 1000,
      });
    });

    it('should read no country into the user, even when the token names one', async () => {
      await expect(verdictOn(await signed({ roles: ['auditor'], country: 'CO' }))).resolves.not.toHaveProperty(
        'country',
      );
    });

    it('should refuse a node’s token, signed with the same secret', async () => {
      const nodeNames = {
        issuer: nodeTokenIssuer(network),
        audience: nodeTokenAudience(network),
      };

      await expect(verdictOn(await signed({ roles: ['secretariat'] }, nodeNames))).resolves.toBe(false);
    });
  });
});
