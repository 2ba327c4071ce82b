import { newClusterId, serverProperties } from './kafka-process';
import { resolvePaths, resolvePorts } from './paths';
import { parseJavaMajor } from './prerequisites';

describe('Kafka configuration', () => {
  it('generates Kafka-style cluster ids (22 base64url characters, not starting with "-")', () => {
    for (let i = 0; i < 200; i++) {
      const id = newClusterId();
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
      expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    }
  });

  it('writes a single-node KRaft configuration bound to 127.0.0.1 on the configured ports', () => {
    const env = { ENLACE_HOME: '/tmp/enlace-spec', ENLACE_KAFKA_PORT: '29192', ENLACE_KAFKA_CONTROLLER_PORT: '29193' };
    const props = serverProperties(resolvePaths(env), resolvePorts(env), {
      mechanism: 'scram-sha-512',
      username: 'enlace-admin',
      password: 'pw"1',
    });
    expect(props).toContain('process.roles=broker,controller');
    expect(props).toContain('controller.quorum.voters=1@127.0.0.1:29193');
    expect(props).toContain('listeners=CLIENT://127.0.0.1:29192,CONTROLLER://127.0.0.1:29193');
    expect(props).toContain('log.dirs=/tmp/enlace-spec/kafka/data');
    expect(props).toContain('auto.create.topics.enable=false');
    expect(props).toContain('num.partitions=3');
  });

  it('authenticates every client with SCRAM-SHA-512 and lets only ACLs or the super user through', () => {
    const env = { ENLACE_HOME: '/tmp/enlace-spec' };
    const props = serverProperties(resolvePaths(env), resolvePorts(env), {
      mechanism: 'scram-sha-512',
      username: 'enlace-admin',
      password: 'pw"1',
    });
    expect(props).toContain('listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT');
    expect(props).toContain('listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512');
    expect(props).toContain('authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer');
    expect(props).toContain('allow.everyone.if.no.acl.found=false');
    expect(props).toContain('super.users=User:enlace-admin');
    expect(props).toContain('password="pw\\"1"');
    expect(props).not.toContain('PLAINTEXT://');
  });

  it('adds a SASL_SSL listener on its own port beside the SASL_PLAINTEXT one, with the broker keystore', () => {
    const env = {
      ENLACE_HOME: '/tmp/enlace-spec',
      ENLACE_KAFKA_PORT: '29192',
      ENLACE_KAFKA_CONTROLLER_PORT: '29193',
      ENLACE_KAFKA_TLS_PORT: '29194',
    };
    const props = serverProperties(
      resolvePaths(env),
      resolvePorts(env),
      { mechanism: 'scram-sha-512', username: 'enlace-admin', password: 'pw' },
      { storePassword: 'store-pw' },
    );
    expect(props).toContain(
      'listeners=CLIENT://127.0.0.1:29192,CONTROLLER://127.0.0.1:29193,CLIENT_TLS://127.0.0.1:29194',
    );
    expect(props).toContain('advertised.listeners=CLIENT://127.0.0.1:29192,CLIENT_TLS://127.0.0.1:29194');
    expect(props).toContain(
      'listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT,CLIENT_TLS:SASL_SSL',
    );
    expect(props).toContain('listener.name.client_tls.sasl.enabled.mechanisms=SCRAM-SHA-512');
    expect(props).toContain('listener.name.client_tls.ssl.keystore.location=/tmp/enlace-spec/kafka/tls/broker.p12');
    expect(props).toContain('listener.name.client_tls.ssl.keystore.password=store-pw');
    // the plain listener the demo, the tests and the bench use stays where it was
    expect(props).toContain('inter.broker.listener.name=CLIENT');
  });

  it('puts the TLS listener on 19094 unless told otherwise', () => {
    expect(resolvePorts({}).kafkaTls).toBe(19094);
    expect(resolvePorts({}).kafka).toBe(19092);
    expect(() => resolvePorts({ ENLACE_KAFKA_TLS_PORT: '19092' })).toThrow('must differ');
  });

  it('rejects bad or clashing ports', () => {
    expect(() => resolvePorts({ ENLACE_KAFKA_PORT: 'x' })).toThrow('ENLACE_KAFKA_PORT');
    expect(() => resolvePorts({ ENLACE_KAFKA_CONTROLLER_PORT: '19092' })).toThrow('must differ');
  });
});

describe('tool versions', () => {
  it('reads the Java major version', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
  });
});
