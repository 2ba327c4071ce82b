import * as path from 'node:path';
import { kafkaLinkProblemLines, kafkaLinkProductionProblems } from './kafka-link-production-problems';

const CA = path.join(__dirname, 'testing', 'tls', 'unit-test-client.cert.pem');
const SCRAM = { KAFKA_SASL_USERNAME: 'enlace-demo-co', KAFKA_SASL_PASSWORD: 'pw' };

describe('kafkaLinkProductionProblems', () => {
  it('should accept SCRAM over TLS with a private authority', () => {
    expect(kafkaLinkProductionProblems('the courier', { ...SCRAM, KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: CA })).toEqual(
      [],
    );
  });

  it.each(['scram-sha-512', 'scram-sha-256'])('should accept %s over TLS', (mechanism) => {
    expect(
      kafkaLinkProductionProblems('the courier', { ...SCRAM, KAFKA_SASL_MECHANISM: mechanism, KAFKA_SSL: 'true' }),
    ).toEqual([]);
  });

  it('should refuse PLAIN even over TLS', () => {
    expect(
      kafkaLinkProductionProblems('the courier', { ...SCRAM, KAFKA_SASL_MECHANISM: 'plain', KAFKA_SSL: 'true' }),
    ).toEqual([
      {
        setting: 'KAFKA_SASL_MECHANISM',
        problem: expect.stringMatching(/^is plain: production authenticates with SCRAM only/),
      },
    ]);
  });

  it('should name every problem at once: no authentication and no TLS', () => {
    expect(kafkaLinkProblemLines(kafkaLinkProductionProblems('the monitor', {}))).toEqual([
      'KAFKA_SASL_USERNAME is not set: the monitor would reach the broker without authenticating',
      expect.stringMatching(/^KAFKA_SSL is not true: the monitor would reach the broker without TLS/),
    ]);
  });

  it('should name a CA file that cannot be read', () => {
    expect(
      kafkaLinkProductionProblems('the courier', { ...SCRAM, KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/nowhere/ca.pem' }),
    ).toEqual([{ setting: 'KAFKA_SSL_CA_FILE', problem: '/nowhere/ca.pem cannot be read (ENOENT)' }]);
  });
});
