import { ConfigurationError } from '@enlace/config';
import { DeadlinePolicy } from '../deadlines/domain/deadline-policy';
import { IsoDuration } from './iso-duration';
import { readNodeApiConfig } from './node-api.config';

const SECRET = 'a-development-secret-of-32-chars!';

/** The smallest environment node-api starts with. */
function environment(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ENLACE_COUNTRY: 'CO',
    ENLACE_NETWORK: 'demo',
    ENLACE_JWT_SECRET: SECRET,
    DATABASE_URL: 'postgres://enlace@127.0.0.1:15432/enlace_demo_co',
    ENLACE_USERS_FILE: '/etc/enlace/users.json',
    ENLACE_CASE_KEK_FILE: '/etc/enlace/secrets/co.case-kek.json',
    ENLACE_AUDIT_KEY_FILE: '/etc/enlace/secrets/co.audit-key.json',
    ...overrides,
  };
}

function withoutVariable(name: string): NodeJS.ProcessEnv {
  const env = environment();
  delete env[name];
  return env;
}

describe('readNodeApiConfig', () => {
  describe('with a missing variable', () => {
    it.each([
      'ENLACE_COUNTRY',
      'ENLACE_NETWORK',
      'ENLACE_JWT_SECRET',
      'DATABASE_URL',
      'ENLACE_USERS_FILE',
      'ENLACE_CASE_KEK_FILE',
      'ENLACE_AUDIT_KEY_FILE',
    ])('should refuse to start and name %s', (name) => {
      expect(() => readNodeApiConfig(withoutVariable(name))).toThrow(ConfigurationError);
      expect(() => readNodeApiConfig(withoutVariable(name))).toThrow(`${name} is required`);
    });

    it('should treat a blank value as missing', () => {
      expect(() => readNodeApiConfig(environment({ DATABASE_URL: '   ' }))).toThrow('DATABASE_URL is required');
    });
  });

  describe('with the country', () => {
    it.each(['COL', 'C', 'C0', 'C-'])('should refuse %p, which is no ISO 3166 alpha-2 code', (country) => {
      expect(() => readNodeApiConfig(environment({ ENLACE_COUNTRY: country }))).toThrow(
        'ENLACE_COUNTRY must be an ISO 3166 alpha-2 code',
      );
    });

    it('should accept a lower-case code, padded, as its upper-case form', () => {
      expect(readNodeApiConfig(environment({ ENLACE_COUNTRY: ' ec ' })).country).toBe('EC');
    });
  });

  describe('with the JWT secret', () => {
    it('should refuse a secret shorter than 32 characters, without repeating it', () => {
      const short = 'a-short-secret-of-31-characters';
      const read = () => readNodeApiConfig(environment({ ENLACE_JWT_SECRET: short }));

      expect(read).toThrow('ENLACE_JWT_SECRET must be at least 32 characters');
      expect(read).toThrow(expect.objectContaining({ message: expect.not.stringContaining(short) }));
    });

    it('should name every problem at once, the missing, the malformed and those across settings', () => {
      const env = environment({ ENLACE_HTTP_PORT: '0', ENLACE_DEADLINES: '{"corridors": {"CO": {}}}' });
      delete env['ENLACE_CASE_KEK_FILE'];
      delete env['ENLACE_USERS_FILE'];

      expect(() => readNodeApiConfig(env)).toThrow(
        new ConfigurationError(
          'node-api refuses to start: its settings have 4 problems (see docs/configuration.md):\n' +
            '  - ENLACE_CASE_KEK_FILE is required\n' +
            '  - ENLACE_HTTP_PORT must be an integer of at least 1\n' +
            '  - ENLACE_DEADLINES corridor "CO" must be like CO-EC\n' +
            '  - ENLACE_USERS_FILE is required unless ENLACE_OIDC_ISSUER is set (the development issuer then signs the tokens)',
        ),
      );
    });

    it('should accept a secret of exactly 32 characters', () => {
      expect(readNodeApiConfig(environment({ ENLACE_JWT_SECRET: 'x'.repeat(32) })).jwtSecret).toBe('x'.repeat(32));
    });
  });

  describe('with integer settings', () => {
    it.each([
      ['ENLACE_HTTP_PORT', 'eighty'],
      ['ENLACE_TOKEN_TTL_SECONDS', '-1'],
      ['ENLACE_REFERRAL_ANSWER_DAYS', '1.5'],
      ['ENLACE_INBOX_POLL_MS', '1e999'],
      ['ENLACE_REFERRAL_EXPIRY_POLL_MS', '5'],
    ])('should refuse %s=%p and name it', (name, value) => {
      expect(() => readNodeApiConfig(environment({ [name]: value }))).toThrow(`${name} must be an integer of at least`);
    });

    it('should read given values', () => {
      const config = readNodeApiConfig(
        environment({
          ENLACE_HTTP_PORT: '18001',
          ENLACE_TOKEN_TTL_SECONDS: '60',
          ENLACE_REFERRAL_EXPIRY_POLL_MS: '50',
        }),
      );

      expect(config).toMatchObject({ httpPort: 18001, tokenTtlSeconds: 60, referralExpiryPollMs: 50 });
    });
  });

  describe('with the referral answer period', () => {
    it('should read an ISO 8601 duration', () => {
      const config = readNodeApiConfig(environment({ ENLACE_REFERRAL_ANSWER_PERIOD: 'PT3S' }));

      expect(String(config.referralAnswerPeriod)).toBe('PT3S');
    });

    it('should still read ENLACE_REFERRAL_ANSWER_DAYS where no period is set', () => {
      expect(String(readNodeApiConfig(environment({ ENLACE_REFERRAL_ANSWER_DAYS: '3' })).referralAnswerPeriod)).toBe(
        'P3D',
      );
    });

    it('should prefer the period to the days', () => {
      const config = readNodeApiConfig(
        environment({ ENLACE_REFERRAL_ANSWER_PERIOD: 'P10D', ENLACE_REFERRAL_ANSWER_DAYS: '3' }),
      );

      expect(String(config.referralAnswerPeriod)).toBe('P10D');
    });

    it('should wait no grace past the due time unless one is set', () => {
      expect(readNodeApiConfig(environment()).referralExpiryGrace).toBeUndefined();
      expect(String(readNodeApiConfig(environment({ ENLACE_REFERRAL_EXPIRY_GRACE: 'PT2S' })).referralExpiryGrace)).toBe(
        'PT2S',
      );
      expect(() => readNodeApiConfig(environment({ ENLACE_REFERRAL_EXPIRY_GRACE: '2s' }))).toThrow(
        /^ {2}- ENLACE_REFERRAL_EXPIRY_GRACE /m,
      );
    });

    it.each(['7 days', 'P0D', 'P'])('should refuse %p and name the setting', (period) => {
      expect(() => readNodeApiConfig(environment({ ENLACE_REFERRAL_ANSWER_PERIOD: period }))).toThrow(
        /^ {2}- ENLACE_REFERRAL_ANSWER_PERIOD /m,
      );
    });
  });

  describe("with the country's identity provider", () => {
    it("should need neither the development issuer's secret nor its users", () => {
      const env = environment({ ENLACE_OIDC_ISSUER: 'https://id.example.org', ENLACE_OIDC_AUDIENCE: 'enlace' });
      delete env['ENLACE_JWT_SECRET'];
      delete env['ENLACE_USERS_FILE'];

      const config = readNodeApiConfig(env);

      expect(config.jwtSecret).toBeUndefined();
      expect(config.usersFile).toBeUndefined();
    });
  });

  describe('in production (ENLACE_ENV=production)', () => {
    it('should refuse the development issuer, naming every setting that makes it so at once', () => {
      const refusal = (() => {
        try {
          readNodeApiConfig(environment({ ENLACE_ENV: 'production' }));
        } catch (error) {
          return error as Error;
        }
        throw new Error('started');
      })();

      expect(refusal).toBeInstanceOf(ConfigurationError);
      expect(refusal.message).toMatch(/^node-api refuses to start/);
      expect(refusal.message).toContain('ENLACE_OIDC_ISSUER is not set');
      expect(refusal.message).toContain('ENLACE_USERS_FILE is set');
      expect(refusal.message).toContain('ENLACE_JWT_SECRET is set');
    });

    it('should start with the identity provider and nothing of the development issuer', () => {
      const env = environment({
        ENLACE_ENV: 'production',
        ENLACE_OIDC_ISSUER: 'https://id.example.org',
        ENLACE_OIDC_AUDIENCE: 'enlace',
      });
      delete env['ENLACE_JWT_SECRET'];
      delete env['ENLACE_USERS_FILE'];

      expect(readNodeApiConfig(env).mode).toBe('production');
    });

    it('should refuse a mode it does not know', () => {
      expect(() => readNodeApiConfig(environment({ ENLACE_ENV: 'prod' }))).toThrow(
        'ENLACE_ENV must be one of development, production',
      );
    });
  });

  describe('with agencies', () => {
    it('should read the agencies and take the first as the gateway unless one is named', () => {
      const agencies = 'co-police, co-migration,co-shelter';
      expect(readNodeApiConfig(environment({ ENLACE_AGENCIES: agencies }))).toMatchObject({
        agencies: ['co-police', 'co-migration', 'co-shelter'],
        gatewayAgency: 'co-police',
      });
      expect(
        readNodeApiConfig(environment({ ENLACE_AGENCIES: agencies, ENLACE_GATEWAY_AGENCY: 'co-migration' })),
      ).toMatchObject({ gatewayAgency: 'co-migration' });
    });

    it('should refuse a gateway that is not one of the agencies, an id it cannot name, and an agency twice', () => {
      expect(() =>
        readNodeApiConfig(environment({ ENLACE_AGENCIES: 'co-police', ENLACE_GATEWAY_AGENCY: 'co-shelter' })),
      ).toThrow(/ENLACE_GATEWAY_AGENCY.*must be one of ENLACE_AGENCIES/);
      expect(() => readNodeApiConfig(environment({ ENLACE_AGENCIES: 'Police Unit' }))).toThrow(/ENLACE_AGENCIES/);
      expect(() => readNodeApiConfig(environment({ ENLACE_AGENCIES: 'a,a' }))).toThrow(/names an agency twice/);
    });
  });

  describe('with only the required variables', () => {
    it('should apply the defaults', () => {
      expect(readNodeApiConfig(environment())).toEqual({
        mode: 'development',
        country: 'CO',
        network: 'demo',
        agencies: ['national'],
        gatewayAgency: 'national',
        httpPort: 3000,
        httpHost: '127.0.0.1',
        databaseUrl: 'postgres://enlace@127.0.0.1:15432/enlace_demo_co',
        databaseMaxConnections: 10,
        jwtSecret: SECRET,
        tokenTtlSeconds: 3600,
        usersFile: '/etc/enlace/users.json',
        caseKekFile: '/etc/enlace/secrets/co.case-kek.json',
        auditKeyFile: '/etc/enlace/secrets/co.audit-key.json',
        referralAnswerPeriod: IsoDuration.parse('P7D'),
        deadlines: expect.any(DeadlinePolicy),
        overdueScanMs: 60_000,
        statisticsIntervalMs: 86_400_000,
        statisticsThreshold: 11,
        referralExpiryPollMs: 60_000,
        inboxPollMs: 5_000,
        bodyLimit: '256kb',
        documentMaxBytes: 10 * 1024 * 1024,
        httpMaxInFlight: 64,
        trustedProxies: false,
      });
    });

    it('should let ENLACE_DATABASE_MAX_CONNECTIONS, ENLACE_HTTP_HOST and ENLACE_HTTP_BODY_LIMIT replace their defaults', () => {
      const config = readNodeApiConfig(
        environment({
          ENLACE_DATABASE_MAX_CONNECTIONS: '4',
          ENLACE_HTTP_HOST: '0.0.0.0',
          ENLACE_HTTP_BODY_LIMIT: '1mb',
        }),
      );

      expect(config).toMatchObject({ databaseMaxConnections: 4, httpHost: '0.0.0.0', bodyLimit: '1mb' });
    });
  });
});
