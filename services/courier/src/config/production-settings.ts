import type { EnvReader } from '@enlace/config';
import { kafkaLinkProblemLines, kafkaLinkProductionProblems } from '@enlace/messaging';

/**
 * What would make the courier unsafe in production, each named with its setting: a broker link that does not
 * authenticate with SCRAM or that crosses the network in clear, and a directory no trust anchor signed.
 */
export function courierProductionProblems(read: EnvReader, env: NodeJS.ProcessEnv): string[] {
  const problems = kafkaLinkProblemLines(kafkaLinkProductionProblems('the courier', env));
  if (read.optional('ENLACE_TRUST_ANCHORS_FILE') === undefined) {
    problems.push(
      "ENLACE_TRUST_ANCHORS_FILE is not set: production takes member keys only from the directory the network's trust " +
        'anchors signed, never from an unsigned ENLACE_DIRECTORY_FILE',
    );
  }
  return problems;
}
