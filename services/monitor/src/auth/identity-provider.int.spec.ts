import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Global, INestApplication, Module } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';
import { ProblemDetailsFilter } from '@enlace/http';
import { MONITOR_CONFIG, MonitorConfig, readMonitorConfig } from '../config/monitor.config';
import { AuthModule } from './auth.module';
import { tokenAudience, tokenIssuer } from './token-claims';

/**
 * The monitor's production path of authentication over real HTTP: a tiny identity provider served by this test
 * (OIDC discovery and a JWKS with a key made by jose), and a NestJS app with the monitor's AuthModule, configured as
 * the monitor reads its settings.
 */
const ISSUER_PATH = '/realms/secretariat';
const AUDIENCE = 'urn:enlace:monitor';

describe("the monitor with the secretariat's identity provider (OIDC)", () => {
  let provider: Server;
  let issuer: string;
  let app: INestApplication;
  let api: string;
  const keys: Record<
    'provider' | 'stranger',
    { privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey']; jwk: JWK }
  > = {} as never;

  const token = async (
    claims: Record<string, unknown>,
    options: { key?: keyof typeof keys; audience?: string; subject?: string } = {},
  ) => {
    const key = keys[options.key ?? 'provider'];
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.jwk.kid as string })
      .setIssuer(issuer)
      .setAudience(options.audience ?? AUDIENCE)
      .setSubject(options.subject ?? 'ana.secretaria')
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + 300)
      .sign(key.privateKey);
  };
  const me = (bearer: string) => fetch(`${api}/auth/me`, { headers: { authorization: `Bearer ${bearer}` } });

  beforeAll(async () => {
    for (const name of ['provider', 'stranger'] as const) {
      const pair = await generateKeyPair('RS256', { extractable: true });
      keys[name] = {
        privateKey: pair.privateKey,
        jwk: { ...(await exportJWK(pair.publicKey)), kid: name, alg: 'RS256' },
      };
    }
    provider = createServer((request, response) => {
      const json = (body: unknown) => response.setHeader('content-type', 'application/json').end(JSON.stringify(body));
      if (request.url === `${ISSUER_PATH}/.well-known/openid-configuration`) {
        json({ issuer, jwks_uri: `${issuer}/certs` });
      } else if (request.url === `${ISSUER_PATH}/certs`) {
        json({ keys: [keys.provider.jwk] }); // the stranger's key is published nowhere
      } else {
        response.statusCode = 404;
        response.end();
      }
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}${ISSUER_PATH}`;
    // As the monitor reads its settings: no development secret, no users file, the provider instead.
    const config: MonitorConfig = readMonitorConfig({
      ENLACE_NETWORK: 'authtest',
      KAFKA_BROKERS: '127.0.0.1:9',
      DATABASE_URL: 'postgres://unused@127.0.0.1:9/unused',
      ENLACE_DIRECTORY_FILE: '/unused',
      ENLACE_OIDC_ISSUER: issuer,
      ENLACE_OIDC_AUDIENCE: AUDIENCE,
      ENLACE_OIDC_USERNAME_CLAIM: 'preferred_username',
      ENLACE_OIDC_ROLES_CLAIM: 'groups',
      ENLACE_OIDC_ROLE_MAP: 'sec-staff=secretariat,sec-lead=supervisor',
    });
    @Global()
    @Module({ providers: [{ provide: MONITOR_CONFIG, useValue: config }], exports: [MONITOR_CONFIG] })
    class TestConfigModule {}
    @Module({
      imports: [TestConfigModule, AuthModule],
      providers: [{ provide: APP_FILTER, useValue: new ProblemDetailsFilter() }],
    })
    class TestAppModule {}
    app = await NestFactory.create(TestAppModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    api = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => provider?.close(resolve));
  });

  it("should take the provider's token and map its groups to the secretariat's roles", async () => {
    const response = await me(await token({ preferred_username: 'ana.secretaria', groups: ['sec-staff', 'other'] }));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ username: 'ana.secretaria', roles: ['secretariat'] });
  });

  it('should refuse, 403, a token of the provider without a role of the secretariat', async () => {
    const response = await me(await token({ preferred_username: 'pedro', groups: ['co-punto-focal'] }));

    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('should refuse, 401, a token signed by a key the provider does not publish', async () => {
    const response = await me(await token({ preferred_username: 'x', groups: ['sec-lead'] }, { key: 'stranger' }));

    expect(response.status).toBe(401);
  });

  it("should refuse, 401, a token of the provider for another audience (a node's)", async () => {
    const response = await me(
      await token({ preferred_username: 'x', groups: ['sec-lead'] }, { audience: 'urn:enlace:node-api' }),
    );

    expect(response.status).toBe(401);
  });

  it("should refuse, 401, a token of the development issuer's form, whatever its secret", async () => {
    const development = await new SignJWT({ roles: ['secretariat'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(tokenIssuer('authtest'))
      .setAudience(tokenAudience('authtest'))
      .setSubject('ana')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a'.repeat(32)));

    expect((await me(development)).status).toBe(401);
  });

  it('should answer 404, problem+json, to the password sign-in: it issues no tokens of its own', async () => {
    const response = await fetch(`${api}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'secretariat', password: 'whatever' }),
    });

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});
