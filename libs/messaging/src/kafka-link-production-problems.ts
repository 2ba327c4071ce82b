import { kafkaSaslFromEnv } from './kafka-sasl';
import { kafkaTlsFromEnv } from './kafka-tls';

/**
 * What makes a process's link to the broker unsafe in production, each problem named with its setting: no
 * authentication, an authentication other than SCRAM (PLAIN sends the password itself), no TLS (the SCRAM exchange,
 * and the envelope headers with their case ids, corridors and types, would cross borders in clear), or a TLS or
 * SASL setting that cannot be used. One list, so every process that talks to the network's broker refuses the same.
 */
export function kafkaLinkProductionProblems(who: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  try {
    const sasl = kafkaSaslFromEnv(env);
    if (sasl === undefined) {
      problems.push(`KAFKA_SASL_USERNAME is not set: ${who} would reach the broker without authenticating`);
    } else if (!sasl.mechanism.startsWith('scram-')) {
      problems.push(
        `KAFKA_SASL_MECHANISM is ${sasl.mechanism}: production authenticates with SCRAM only ` +
          '(scram-sha-512 or scram-sha-256)',
      );
    }
  } catch (error) {
    problems.push((error as Error).message);
  }
  try {
    if (kafkaTlsFromEnv(env) === undefined) {
      problems.push(
        `KAFKA_SSL is not true: ${who} would reach the broker without TLS, its credentials and the envelope headers ` +
          'in clear (set KAFKA_SSL=true, and KAFKA_SSL_CA_FILE for a private certificate authority)',
      );
    }
  } catch (error) {
    problems.push((error as Error).message);
  }
  return problems;
}
