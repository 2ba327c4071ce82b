import { kafkaSaslFromEnv } from './kafka-sasl';
import { kafkaTlsFromEnv } from './kafka-tls';

/** One thing production refuses, with the setting that causes it (the message reads `${setting} ${problem}`). */
export interface KafkaLinkProblem {
  readonly setting: string;
  readonly problem: string;
}

/**
 * What makes a process's link to the broker unsafe in production, each problem named with its setting: no
 * authentication, an authentication other than SCRAM (PLAIN sends the password itself), no TLS (the SCRAM exchange,
 * and the envelope headers with their case ids, corridors and types, would cross borders in clear), or a TLS or
 * SASL setting that cannot be used. One list, so every process that talks to the network's broker refuses the same.
 */
export function kafkaLinkProductionProblems(
  who: string,
  env: NodeJS.ProcessEnv | Readonly<Record<string, string | undefined>> = process.env,
): KafkaLinkProblem[] {
  const problems: KafkaLinkProblem[] = [];
  try {
    const sasl = kafkaSaslFromEnv(env);
    if (sasl === undefined) {
      problems.push({
        setting: 'KAFKA_SASL_USERNAME',
        problem: `is not set: ${who} would reach the broker without authenticating`,
      });
    } else if (!sasl.mechanism.startsWith('scram-')) {
      problems.push({
        setting: 'KAFKA_SASL_MECHANISM',
        problem: `is ${sasl.mechanism}: production authenticates with SCRAM only (scram-sha-512 or scram-sha-256)`,
      });
    }
  } catch (error) {
    problems.push(asProblem(error));
  }
  try {
    if (kafkaTlsFromEnv(env) === undefined) {
      problems.push({
        setting: 'KAFKA_SSL',
        problem:
          `is not true: ${who} would reach the broker without TLS, its credentials and the envelope headers in ` +
          'clear (set KAFKA_SSL=true, and KAFKA_SSL_CA_FILE for a private certificate authority)',
      });
    }
  } catch (error) {
    problems.push(asProblem(error));
  }
  return problems;
}

/** The same problems as lines of a refusal. */
export function kafkaLinkProblemLines(problems: readonly KafkaLinkProblem[]): string[] {
  return problems.map(({ setting, problem }) => `${setting} ${problem}`);
}

/** A reader's error names its setting first ("KAFKA_SSL_CA_FILE /etc/ca.pem cannot be read (ENOENT)"). */
function asProblem(error: unknown): KafkaLinkProblem {
  const message = (error as Error).message;
  const space = message.indexOf(' ');
  return space > 0
    ? { setting: message.slice(0, space), problem: message.slice(space + 1) }
    : { setting: 'KAFKA', problem: message };
}
