import { ConfigurationError } from '@enlace/config';
import { readMonitorConfig } from './monitor.config';

const ENV = {
  ENLACE_NETWORK: 'demo',
  ENLACE_JWT_SECRET: 'a'.repeat(32),
  KAFKA_BROKERS: '127.0.0.1:19092',
  DATABASE_URL: 'postgres://enlace@127.0.0.1:15432/enlace_demo_monitor',
  ENLACE_USERS_FILE: '/tmp/monitor.users.json',
  ENLACE_DIRECTORY_FILE: '/tmp/directory.json',
};

describe(readMonitorConfig, () => {
  it('should read the monitor database from DATABASE_URL, with ten connections unless told otherwise', () => {
    const config = readMonitorConfig(ENV);

    expect(config.databaseUrl).toBe('postgres://enlace@127.0.0.1:15432/enlace_demo_monitor');
    expect(config.databaseMaxConnections).toBe(10);
    expect(readMonitorConfig({ ...ENV, ENLACE_DATABASE_MAX_CONNECTIONS: '4' }).databaseMaxConnections).toBe(4);
  });

  it('should run in development unless told otherwise', () => {
    expect(readMonitorConfig(ENV).mode).toBe('development');
  });

  it('should refuse production, naming its development issuer and its directory without trust anchors', () => {
    const start = () => readMonitorConfig({ ...ENV, ENLACE_ENV: 'production' });

    expect(start).toThrow(ConfigurationError);
    expect(start).toThrow(/^the monitor refuses to start/);
    expect(start).toThrow(/ENLACE_OIDC_ISSUER is not set: the development issuer would sign the monitor's tokens/);
    expect(start).toThrow(/ENLACE_USERS_FILE is set: a file of users and passwords is the development issuer's/);
    expect(start).toThrow(/ENLACE_JWT_SECRET is set: the development issuer's secret has no place in production/);
    expect(start).toThrow(/ENLACE_TRUST_ANCHORS_FILE is not set: production takes member keys only from the directory/);
    expect(start).toThrow(/KAFKA_SASL_USERNAME is not set: the monitor would reach the broker without authenticating/);
    expect(start).toThrow(/KAFKA_SSL is not true: the monitor would reach the broker without TLS/);
  });

  it('should take member keys from the signed directory given trust anchors, and not name the directory then', () => {
    const config = readMonitorConfig({ ...ENV, ENLACE_TRUST_ANCHORS_FILE: '/etc/enlace/trust-anchors.json' });

    expect(config.trustAnchorsFile).toBe('/etc/enlace/trust-anchors.json');
    expect(config.directoryFile).toBeUndefined();
    expect(() =>
      readMonitorConfig({ ...ENV, ENLACE_ENV: 'production', ENLACE_TRUST_ANCHORS_FILE: '/etc/enlace/anchors.json' }),
    ).not.toThrow(/ENLACE_TRUST_ANCHORS_FILE|ENLACE_DIRECTORY_FILE/);
  });

  it('should refuse to start with neither trust anchors nor a directory file, naming them', () => {
    const { ENLACE_DIRECTORY_FILE: _unset, ...withoutDirectory } = ENV;

    expect(() => readMonitorConfig(withoutDirectory)).toThrow(
      /ENLACE_TRUST_ANCHORS_FILE is required unless ENLACE_DIRECTORY_FILE is set/,
    );
  });

  it('should not name its broker link in production when it is SCRAM over TLS', () => {
    const start = () =>
      readMonitorConfig({
        ...ENV,
        ENLACE_ENV: 'production',
        KAFKA_SASL_USERNAME: 'enlace-demo-monitor',
        KAFKA_SASL_PASSWORD: 'pw',
        KAFKA_SSL: 'true',
      });

    expect(start).toThrow(/ENLACE_OIDC_ISSUER is not set/);
    expect(start).not.toThrow(/KAFKA_/);
  });

  it("should take the secretariat's identity provider instead of the development issuer, its roles mapped", () => {
    const { ENLACE_JWT_SECRET: _secret, ENLACE_USERS_FILE: _users, ...withoutIssuer } = ENV;
    const config = readMonitorConfig({
      ...withoutIssuer,
      ENLACE_OIDC_ISSUER: 'https://login.secretariat.example/realms/enlace',
      ENLACE_OIDC_AUDIENCE: 'urn:enlace:monitor',
      ENLACE_OIDC_ROLES_CLAIM: 'groups',
      ENLACE_OIDC_ROLE_MAP: 'sec-staff=secretariat,sec-lead=supervisor',
    });

    expect(config.oidc).toEqual({
      issuer: 'https://login.secretariat.example/realms/enlace',
      audience: 'urn:enlace:monitor',
      algorithms: ['RS256', 'ES256'],
      rolesClaim: 'groups',
      roleMap: { 'sec-staff': 'secretariat', 'sec-lead': 'supervisor' },
      usernameClaim: 'sub',
    });
    expect(config.jwtSecret).toBeUndefined();
    expect(config.usersFile).toBeUndefined();
  });

  it('should need the development issuer without a provider, and an audience with one', () => {
    const { ENLACE_JWT_SECRET: _secret, ENLACE_USERS_FILE: _users, ...withoutIssuer } = ENV;

    expect(() => readMonitorConfig(withoutIssuer)).toThrow(/ENLACE_JWT_SECRET is required unless ENLACE_OIDC_ISSUER/);
    expect(() => readMonitorConfig(withoutIssuer)).toThrow(/ENLACE_USERS_FILE is required unless ENLACE_OIDC_ISSUER/);
    expect(() => readMonitorConfig({ ...withoutIssuer, ENLACE_OIDC_ISSUER: 'https://idp.example' })).toThrow(
      /ENLACE_OIDC_AUDIENCE is required when ENLACE_OIDC_ISSUER is set/,
    );
  });

  it('should start in production with the provider, SCRAM over TLS, trust anchors and no development issuer', () => {
    const { ENLACE_JWT_SECRET: _secret, ENLACE_USERS_FILE: _users, ...withoutIssuer } = ENV;
    const production = {
      ENLACE_ENV: 'production',
      ENLACE_OIDC_ISSUER: 'https://login.secretariat.example/realms/enlace',
      ENLACE_OIDC_AUDIENCE: 'urn:enlace:monitor',
      KAFKA_SASL_USERNAME: 'enlace-demo-monitor',
      KAFKA_SASL_PASSWORD: 'pw',
      KAFKA_SSL: 'true',
    };
    const start = () => readMonitorConfig({ ...withoutIssuer, ...production });

    expect(start).toThrow(/ENLACE_TRUST_ANCHORS_FILE is not set: production takes member keys only from the directory/);
    expect(start).not.toThrow(/ENLACE_OIDC_ISSUER|ENLACE_JWT_SECRET|ENLACE_USERS_FILE|KAFKA_/);
    const { ENLACE_DIRECTORY_FILE: _file, ...withoutFile } = withoutIssuer;
    const config = readMonitorConfig({
      ...withoutFile,
      ...production,
      ENLACE_TRUST_ANCHORS_FILE: '/etc/enlace/trust-anchors.json',
    });
    expect(config.mode).toBe('production');
  });

  it('should refuse PLAIN in production, naming it', () => {
    const start = () =>
      readMonitorConfig({
        ...ENV,
        ENLACE_ENV: 'production',
        KAFKA_SASL_USERNAME: 'enlace-demo-monitor',
        KAFKA_SASL_PASSWORD: 'pw',
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SSL: 'true',
      });

    expect(start).toThrow(/KAFKA_SASL_MECHANISM is plain: production authenticates with SCRAM only/);
  });

  it('should refuse to start without DATABASE_URL, naming it', () => {
    const { DATABASE_URL: _unset, ...withoutDatabase } = ENV;

    expect(() => readMonitorConfig(withoutDatabase)).toThrow(ConfigurationError);
    expect(() => readMonitorConfig(withoutDatabase)).toThrow(/DATABASE_URL/);
  });

  it('should refuse a DATABASE_URL that is not a PostgreSQL URL, without repeating it', () => {
    const read = () => readMonitorConfig({ ...ENV, DATABASE_URL: 'mongodb://user:secret@127.0.0.1:27017' });

    expect(read).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(read).toThrow(expect.objectContaining({ message: expect.not.stringContaining('secret') }));
  });

  it('should refuse a pool of fewer than two connections', () => {
    expect(() => readMonitorConfig({ ...ENV, ENLACE_DATABASE_MAX_CONNECTIONS: '1' })).toThrow(
      /ENLACE_DATABASE_MAX_CONNECTIONS/,
    );
  });

  it('should no longer read MONGODB_URI', () => {
    const config = readMonitorConfig({ ...ENV, MONGODB_URI: 'mongodb://127.0.0.1:27017' });

    expect(JSON.stringify(config)).not.toContain('mongodb');
  });
});
