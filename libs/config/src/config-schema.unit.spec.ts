import { ConfigSchema, requiredWhen } from './config-schema';
import { ConfigurationError } from './configuration-error';
import { databaseSettings } from './database.settings';
import { inProduction } from './deployment-mode';
import { integer, list, optionalText, requiredText, secretText } from './env-setting';
import { httpSettings } from './http.settings';
import { kafkaSaslOf, kafkaSchema } from './kafka.settings';
import { networkSettings } from './network.settings';

const SECRET = 'a-secret-nobody-may-read-in-a-log';

/** A small service: the shared pieces and a few of its own. */
const schema = new ConfigSchema(
  'the test service',
  {
    ...networkSettings,
    ...httpSettings({ port: 3000, bodyLimit: '64kb' }),
    ...databaseSettings,
    ...kafkaSchema.shape,
    ENLACE_KEYS_FILE: requiredText({ description: 'keys', example: '/k.json' }),
    ENLACE_JWT_SECRET: secretText({
      description: 'secret',
      minLength: 32,
      required: 'unless ENLACE_OIDC_ISSUER is set',
    }),
    ENLACE_OIDC_ISSUER: optionalText({ description: 'issuer' }),
    ENLACE_BATCH: integer({ description: 'batch', fallback: 200, min: 1 }),
    ENLACE_TAGS: list({ description: 'tags' }),
  },
  [
    ...kafkaSchema.rules,
    requiredWhen(
      'ENLACE_JWT_SECRET',
      (set) => set['ENLACE_OIDC_ISSUER'] === undefined,
      'unless ENLACE_OIDC_ISSUER is set',
    ),
    inProduction((set) =>
      set['ENLACE_JWT_SECRET'] === undefined ? [] : [{ setting: 'ENLACE_JWT_SECRET', problem: 'is set' }],
    ),
  ],
);

const REQUIRED = {
  ENLACE_NETWORK: 'demo',
  DATABASE_URL: 'postgres://enlace@127.0.0.1:15432/enlace_demo_co',
  KAFKA_BROKERS: '127.0.0.1:19092',
  ENLACE_KEYS_FILE: '/etc/enlace/keys.json',
  ENLACE_JWT_SECRET: SECRET,
};

/** The error `read` throws for `env`. */
function refusal(env: NodeJS.ProcessEnv): ConfigurationError {
  try {
    schema.read(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('the settings were accepted');
}

describe(ConfigSchema.name, () => {
  describe('read', () => {
    it('should apply the defaults where a setting is unset', () => {
      expect(schema.read(REQUIRED)).toEqual({
        ...REQUIRED,
        ENLACE_ENV: 'development',
        ENLACE_HTTP_HOST: '127.0.0.1',
        ENLACE_HTTP_PORT: 3000,
        ENLACE_HTTP_BODY_LIMIT: '64kb',
        ENLACE_TRUSTED_PROXIES: undefined,
        ENLACE_DATABASE_MAX_CONNECTIONS: 10,
        KAFKA_BROKERS: ['127.0.0.1:19092'],
        KAFKA_SASL_USERNAME: undefined,
        KAFKA_SASL_PASSWORD: undefined,
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SSL: false,
        KAFKA_SSL_CA_FILE: undefined,
        KAFKA_SSL_CERT_FILE: undefined,
        KAFKA_SSL_KEY_FILE: undefined,
        KAFKA_SSL_KEY_PASSWORD: undefined,
        ENLACE_OIDC_ISSUER: undefined,
        ENLACE_BATCH: 200,
        ENLACE_TAGS: undefined,
      });
    });

    it('should read given values, trimmed, and ignore the variables it does not know', () => {
      const settings = schema.read({
        ...REQUIRED,
        ENLACE_HTTP_PORT: ' 18001 ',
        ENLACE_TAGS: ' a , b ,',
        KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256',
        HOME: '/home/enlace',
      });

      expect(settings).toMatchObject({ ENLACE_HTTP_PORT: 18001, ENLACE_TAGS: ['a', 'b'] });
      expect(settings).not.toHaveProperty('HOME');
      expect(settings.KAFKA_SASL_MECHANISM).toBe('scram-sha-256');
    });

    it('should name a missing required setting', () => {
      const { ENLACE_KEYS_FILE: _unset, ...env } = REQUIRED;

      expect(refusal(env).message).toBe(
        'the test service refuses to start: its settings have a problem (see docs/configuration.md):\n' +
          '  - ENLACE_KEYS_FILE is required',
      );
    });

    it('should count a blank value as unset: a blank host is not every interface, a blank port not port 0', () => {
      expect(schema.read({ ...REQUIRED, ENLACE_HTTP_HOST: ' ', ENLACE_HTTP_PORT: '' })).toMatchObject({
        ENLACE_HTTP_HOST: '127.0.0.1',
        ENLACE_HTTP_PORT: 3000,
      });
      expect(refusal({ ...REQUIRED, ENLACE_KEYS_FILE: '  ' }).message).toContain('ENLACE_KEYS_FILE is required');
    });

    it('should name every problem at once, those of single settings and those across them', () => {
      const message = refusal({
        ENLACE_NETWORK: 'Not_A_Network',
        ENLACE_HTTP_PORT: 'eighty',
        ENLACE_BATCH: '0',
        DATABASE_URL: 'postgres://enlace@127.0.0.1/enlace',
        KAFKA_BROKERS: ' , ',
        KAFKA_SASL_USERNAME: 'enlace-co',
        ENLACE_ENV: 'staging',
      }).message;

      expect(message).toMatch(/^the test service refuses to start: its settings have 8 problems/);
      for (const problem of [
        'ENLACE_ENV must be one of development, production',
        'ENLACE_NETWORK must be lower-case letters, digits and dashes (2-31)',
        'ENLACE_HTTP_PORT must be an integer of at least 1',
        'KAFKA_BROKERS must name at least one item',
        'ENLACE_KEYS_FILE is required',
        'ENLACE_BATCH must be an integer of at least 1',
        'KAFKA_SASL_PASSWORD is required when KAFKA_SASL_USERNAME is set',
        'ENLACE_JWT_SECRET is required unless ENLACE_OIDC_ISSUER is set',
      ]) {
        expect(message).toContain(`\n  - ${problem}`);
      }
    });

    it('should never repeat the value of a secret it refuses', () => {
      const short = 'tiny-secret';
      const databaseUrl = 'mysql://enlace:hunter2-password@db/enlace';

      const message = refusal({ ...REQUIRED, ENLACE_JWT_SECRET: short, DATABASE_URL: databaseUrl }).message;

      expect(message).toContain('ENLACE_JWT_SECRET must be at least 32 characters');
      expect(message).toContain('DATABASE_URL must be a postgres:// URL');
      expect(message).not.toContain(short);
      expect(message).not.toContain('hunter2');
    });

    it('should keep a secret as written, spaces included', () => {
      expect(schema.read({ ...REQUIRED, ENLACE_JWT_SECRET: ` ${SECRET} ` }).ENLACE_JWT_SECRET).toBe(` ${SECRET} `);
    });

    it('should hold the rules of production to production', () => {
      expect(schema.read({ ...REQUIRED, ENLACE_ENV: 'development' }).ENLACE_ENV).toBe('development');
      expect(refusal({ ...REQUIRED, ENLACE_ENV: 'production' }).message).toContain(
        '  - ENLACE_JWT_SECRET is set (refused in production)',
      );
    });
  });

  describe('with', () => {
    it("should read both schemas' settings and name both schemas' problems at once", () => {
      const other = new ConfigSchema('other', { ENLACE_OTHER: requiredText({ description: 'o', example: 'x' }) }, [
        (set) => (set['ENLACE_OTHER'] === 'bad' ? [{ setting: 'ENLACE_OTHER', problem: 'is bad' }] : []),
      ]);
      const both = schema.with('both', other);

      expect(both.read({ ...REQUIRED, ENLACE_OTHER: 'fine' }).ENLACE_OTHER).toBe('fine');
      const { ENLACE_KEYS_FILE: _unset, ...env } = REQUIRED;
      expect(() => both.read({ ...env, ENLACE_OTHER: 'bad' })).toThrow(
        /^both refuses to start: its settings have 2 problems[^]*ENLACE_KEYS_FILE is required[^]*ENLACE_OTHER is bad/,
      );
    });
  });

  describe('settings', () => {
    it('should document every setting with its default, whether it is required and whether it is secret', () => {
      const settings = schema.settings();

      expect(settings.map((setting) => setting.name)).toEqual(Object.keys(schema.shape));
      expect(settings.find((setting) => setting.name === 'ENLACE_HTTP_PORT')).toMatchObject({ default: '3000' });
      expect(settings.find((setting) => setting.name === 'ENLACE_KEYS_FILE')).toMatchObject({ required: true });
      expect(settings.find((setting) => setting.name === 'ENLACE_JWT_SECRET')).toMatchObject({
        secret: true,
        required: 'unless ENLACE_OIDC_ISSUER is set',
      });
      expect(settings.every((setting) => setting.description.length > 0)).toBe(true);
    });
  });
});

describe(kafkaSaslOf, () => {
  it('should give the credentials when a user is named, and none otherwise', () => {
    const read = (env: NodeJS.ProcessEnv) => kafkaSaslOf(kafkaSchema.read({ KAFKA_BROKERS: 'k:9092', ...env }));

    expect(read({})).toBeUndefined();
    expect(read({ KAFKA_SASL_USERNAME: 'enlace-co', KAFKA_SASL_PASSWORD: 'pw' })).toEqual({
      mechanism: 'scram-sha-512',
      username: 'enlace-co',
      password: 'pw',
    });
  });
});
