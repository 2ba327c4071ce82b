import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Controller, Get, Global, INestApplication, Module } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigSchema, httpSettings } from '@enlace/config';
import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';
import { ProblemDetailsFilter } from '@enlace/http';
import { toProblem } from '../common/problem-details/problem-mapping';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { DeadlinePolicy } from '../deadlines/domain/deadline-policy';
import { IsoDuration } from '../config/iso-duration';
import { AuthModule } from './auth.module';
import { AuthenticatedUser } from './authenticated-user';
import { CurrentUser } from './current-user.decorator';
import { RequireRoles } from './roles.decorator';

/**
 * The production path of authentication over real HTTP: a tiny identity provider served by this test (OIDC
 * discovery and a JWKS with an RS256 and an ES256 key made by jose), and a NestJS app with the node's AuthModule.
 */
const ISSUER_PATH = '/realms/co';
const AUDIENCE = 'enlace-node-api-co';

@Controller('probe')
class ProbeController {
  @Get()
  @RequireRoles('focal-point', 'supervisor')
  who(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }
}

/** ENLACE_TRUSTED_PROXIES of `env`, read as node-api reads it. */
function trustedProxiesOf(env: Record<string, string>): string[] | false {
  const { ENLACE_TRUSTED_PROXIES } = httpSettings({ port: 3000, bodyLimit: '256kb' });
  return new ConfigSchema('node-api', { ENLACE_TRUSTED_PROXIES }).read(env).ENLACE_TRUSTED_PROXIES ?? false;
}

async function startApp(env: Record<string, string>, usersFile: string): Promise<INestApplication> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const config: NodeApiConfig = {
    mode: 'development',
    country: 'CO',
    network: 'authtest',
    agencies: ['national'],
    gatewayAgency: 'national',
    httpPort: 0,
    httpHost: '127.0.0.1',
    databaseUrl: 'postgres://unused',
    databaseMaxConnections: 10,
    jwtSecret: 'a-development-secret-of-at-least-32-characters',
    tokenTtlSeconds: 3600,
    usersFile,
    caseKekFile: '/unused',
    auditKeyFile: '/unused',
    referralAnswerPeriod: IsoDuration.parse('P7D'),
    deadlines: new DeadlinePolicy(),
    overdueScanMs: 5000,
    statisticsIntervalMs: 0,
    statisticsThreshold: 11,
    referralExpiryPollMs: 5000,
    inboxPollMs: 100,
    bodyLimit: '256kb',
    documentMaxBytes: 10 * 1024 * 1024,
    httpMaxInFlight: 64,
    trustedProxies: trustedProxiesOf(env),
  };
  @Global()
  @Module({ providers: [{ provide: NODE_API_CONFIG, useValue: config }], exports: [NODE_API_CONFIG] })
  class TestConfigModule {}
  @Module({
    imports: [TestConfigModule, AuthModule],
    controllers: [ProbeController],
    providers: [{ provide: APP_FILTER, useValue: new ProblemDetailsFilter(toProblem) }],
  })
  class TestAppModule {}
  try {
    const app = await NestFactory.create<NestExpressApplication>(TestAppModule, { logger: false });
    // as configureNodeApiHttp does: the client's address from the proxies the settings trust, and only from them
    app.set('trust proxy', config.trustedProxies);
    await app.listen(0, '127.0.0.1');
    return app;
  } finally {
    process.env = saved;
  }
}

const urlOf = (app: INestApplication) => `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

describe('authentication', () => {
  let usersFile: string;

  beforeAll(async () => {
    usersFile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'enlace-auth-')), 'users.json');
    await fs.writeFile(usersFile, '[]');
  });

  afterAll(async () => {
    await fs.rm(path.dirname(usersFile), { recursive: true, force: true });
  });

  describe('with the country’s identity provider (OIDC)', () => {
    let provider: Server;
    let issuer: string;
    let app: INestApplication;
    let api: string;
    const keys: Record<
      'RS256' | 'ES256' | 'stranger',
      { privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey']; jwk: JWK }
    > = {} as never;
    let discoveries = 0;

    const token = async (
      claims: Record<string, unknown>,
      options: {
        alg?: 'RS256' | 'ES256';
        key?: keyof typeof keys;
        issuer?: string;
        audience?: string;
        exp?: number;
      } = {},
    ) => {
      const alg = options.alg ?? 'RS256';
      const key = keys[options.key ?? alg];
      return new SignJWT(claims)
        .setProtectedHeader({ alg, kid: key.jwk.kid as string })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? AUDIENCE)
        .setSubject('ana.focal')
        .setIssuedAt()
        .setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 300)
        .sign(key.privateKey);
    };
    const probe = (bearer?: string) =>
      fetch(`${api}/probe`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

    beforeAll(async () => {
      for (const [name, alg] of [
        ['RS256', 'RS256'],
        ['ES256', 'ES256'],
        ['stranger', 'RS256'],
      ] as const) {
        const pair = await generateKeyPair(alg, { extractable: true });
        keys[name] = { privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid: name, alg } };
      }
      provider = createServer((request, response) => {
        const json = (body: unknown) =>
          response.setHeader('content-type', 'application/json').end(JSON.stringify(body));
        if (request.url === `${ISSUER_PATH}/.well-known/openid-configuration`) {
          discoveries += 1;
          json({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs` });
        } else if (request.url === `${ISSUER_PATH}/protocol/openid-connect/certs`) {
          json({ keys: [keys.RS256.jwk, keys.ES256.jwk] }); // the stranger's key is published nowhere
        } else {
          response.statusCode = 404;
          response.end();
        }
      });
      await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
      issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}${ISSUER_PATH}`;
      app = await startApp(
        {
          ENLACE_OIDC_ISSUER: issuer,
          ENLACE_OIDC_AUDIENCE: AUDIENCE,
          ENLACE_OIDC_ROLES_CLAIM: 'realm_access.roles',
          ENLACE_OIDC_ROLE_MAP: 'co-npm-focal=focal-point,co-npm-lead=supervisor,co-npm-staff=case-worker',
        },
        usersFile,
      );
      api = urlOf(app);
    }, 30_000);

    afterAll(async () => {
      await app?.close();
      await new Promise((resolve) => provider?.close(resolve));
    });

    it('should accept a valid RS256 token, found through discovery, and map the provider’s roles', async () => {
      const response = await probe(await token({ realm_access: { roles: ['co-npm-focal', 'offline_access'] } }));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        username: 'ana.focal',
        country: 'CO',
        roles: ['focal-point'],
        agency: 'national',
      });
      expect(discoveries).toBe(1);
    });

    it('should accept a valid ES256 token of the same provider', async () => {
      const response = await probe(await token({ realm_access: { roles: ['co-npm-lead'] } }, { alg: 'ES256' }));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ roles: ['supervisor'] });
    });

    it.each([
      ['a wrong issuer', { issuer: 'http://127.0.0.1:1/realms/co' }],
      ['a wrong audience', { audience: 'enlace-node-api-ec' }],
      ['an expired token', { exp: Math.floor(Date.now() / 1000) - 300 }],
      ['a key the provider never published', { key: 'stranger' as const }],
    ])('should refuse %s with 401 problem+json', async (_what, options) => {
      const response = await probe(await token({ realm_access: { roles: ['co-npm-focal'] } }, options));
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });

    it('should refuse a token of the development issuer, and issue none', async () => {
      const forged = await new SignJWT({ country: 'CO', roles: ['focal-point'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('enlace-dev-issuer:authtest')
        .setAudience('enlace-node-api:authtest')
        .setSubject('x')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode('a-development-secret-of-at-least-32-characters'));
      expect((await probe(forged)).status).toBe(401);
      const login = await fetch(`${api}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'x', password: 'y' }),
      });
      expect(login.status).toBe(404);
    });

    it('should answer 403 to a valid token whose roles the provider maps to none allowed here', async () => {
      const response = await probe(await token({ realm_access: { roles: ['co-npm-staff', 'focal-point'] } }));
      expect(response.status).toBe(403);
    });
  });

  describe('with the development issuer', () => {
    let app: INestApplication;
    let api: string;

    beforeAll(async () => {
      app = await startApp({ ENLACE_LOGIN_MAX_ATTEMPTS: '3', ENLACE_LOGIN_WINDOW_SECONDS: '60' }, usersFile);
      api = urlOf(app);
    });

    afterAll(async () => {
      await app?.close();
    });

    const login = (username: string) =>
      fetch(`${api}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'guess' }),
      });

    it('should rate-limit login attempts per username with 429 problem+json and Retry-After', async () => {
      const statuses = [];
      for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await login('co.focal')).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const refused = await login('co.focal');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ status: 429, title: 'Too Many Login Attempts' });
      // Another username from the same address is counted apart.
      expect((await login('co.supervisor')).status).toBe(401);
    });
  });

  describe('sign-in budgets across users and addresses', () => {
    const apps: INestApplication[] = [];

    afterAll(async () => {
      await Promise.all(apps.map((app) => app.close()));
    });

    async function started(env: Record<string, string>): Promise<string> {
      const app = await startApp(
        { ENLACE_LOGIN_MAX_ATTEMPTS: '100', ENLACE_LOGIN_MAX_ATTEMPTS_ALL: '1000', ...env },
        usersFile,
      );
      apps.push(app);
      return urlOf(app);
    }

    const attempt = (api: string, username: string, forwardedFor?: string) =>
      fetch(`${api}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(forwardedFor && { 'x-forwarded-for': forwardedFor }) },
        body: JSON.stringify({ username, password: 'Summer2026!' }),
      }).then((response) => response.status);

    it('should throttle one password tried across 50 users from one address, and count a client behind a trusted proxy apart', async () => {
      const api = await started({ ENLACE_LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '20', ENLACE_TRUSTED_PROXIES: 'loopback' });

      const statuses: number[] = [];
      for (let user = 0; user < 50; user += 1) statuses.push(await attempt(api, `user${user}`));

      expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
      expect(statuses.slice(20)).toEqual(Array(30).fill(429));
      // the console's server forwards another browser's address: its budget is its own
      expect(await attempt(api, 'user0', '203.0.113.7')).toBe(401);
    }, 60_000);

    it('should ignore X-Forwarded-For from a proxy it was not told to trust', async () => {
      const api = await started({ ENLACE_LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '5' });

      const statuses: number[] = [];
      for (let user = 0; user < 6; user += 1) statuses.push(await attempt(api, `user${user}`, `198.51.100.${user}`));

      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    });

    it('should throttle a guess spread over many addresses with the budget of all attempts', async () => {
      const api = await started({ ENLACE_LOGIN_MAX_ATTEMPTS_ALL: '8', ENLACE_TRUSTED_PROXIES: 'loopback' });

      const statuses: number[] = [];
      for (let user = 0; user < 9; user += 1) statuses.push(await attempt(api, `user${user}`, `192.0.2.${user}`));

      expect(statuses.at(-1)).toBe(429);
      expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    });
  });
});
