import type { EnvReader } from '@enlace/config';
import { kafkaSaslFromEnv } from '@enlace/messaging';

/**
 * What would make the courier unsafe in production, each named with its setting: a broker link that does not
 * authenticate with SCRAM or that crosses the network in clear, and a directory no trust anchor signed.
 */
export function courierProductionProblems(read: EnvReader, env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const sasl = kafkaSaslFromEnv(env);
  if (sasl === undefined) {
    problems.push('KAFKA_SASL_USERNAME is not set: the courier would reach the broker without authenticating');
  } else if (!sasl.mechanism.startsWith('scram-')) {
    problems.push(`KAFKA_SASL_MECHANISM is ${sasl.mechanism}: production authenticates with SCRAM only`);
  }
  // kafkajs speaks TLS, but Enlace has no setting for it yet: credentials and envelope headers would cross in clear
  problems.push('the broker connection has no TLS: the courier cannot be configured for it yet');
  if (read.optional('ENLACE_TRUST_ANCHORS_FILE') === undefined) {
    problems.push(
      "ENLACE_TRUST_ANCHORS_FILE is not set: production takes member keys only from the directory the network's trust " +
        'anchors signed, never from an unsigned ENLACE_DIRECTORY_FILE',
    );
  }
  return problems;
}
