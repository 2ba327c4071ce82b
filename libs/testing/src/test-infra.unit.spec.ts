import { testInfra } from './test-infra';

describe('testInfra', () => {
  it('should take the broker and the database server from KAFKA_BROKERS and DATABASE_URL', () => {
    const infra = testInfra({
      KAFKA_BROKERS: '127.0.0.1:19092',
      DATABASE_URL: 'postgres://enlace@127.0.0.1:15432/postgres',
    });
    expect(infra).toEqual({
      kafkaBrokers: '127.0.0.1:19092',
      databaseUrl: 'postgres://enlace@127.0.0.1:15432/postgres',
    });
  });

  it('should add the broker super user when KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are set', () => {
    const infra = testInfra({
      KAFKA_BROKERS: '127.0.0.1:19092',
      DATABASE_URL: 'postgres://enlace@127.0.0.1:15432/postgres',
      KAFKA_SASL_USERNAME: 'enlace-admin',
      KAFKA_SASL_PASSWORD: 'pw',
    });
    expect(infra.kafkaSasl).toEqual({ mechanism: 'scram-sha-512', username: 'enlace-admin', password: 'pw' });
  });

  it('should name every missing setting, and only those', () => {
    expect(() => testInfra({ KAFKA_BROKERS: '127.0.0.1:19092' })).toThrow(/\(DATABASE_URL not set\)/);
    expect(() => testInfra({})).toThrow(/\(KAFKA_BROKERS, DATABASE_URL not set\)/);
  });

  it('should take what `npm run test:int` describes in ENLACE_INFRA_JSON over the separate settings', () => {
    const described = {
      kafkaBrokers: '127.0.0.1:29592',
      databaseUrl: 'postgres://enlace@127.0.0.1:29532/postgres',
      postgresDataDir: '/tmp/enlace-spec/postgres/data',
    };
    const infra = testInfra({ ENLACE_INFRA_JSON: JSON.stringify(described), KAFKA_BROKERS: 'elsewhere:9092' });
    expect(infra).toEqual(described);
  });
});
