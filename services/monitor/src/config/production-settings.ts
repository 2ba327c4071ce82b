import type { EnvReader } from '@enlace/config';
import { kafkaLinkProblemLines, kafkaLinkProductionProblems } from '@enlace/messaging';

/**
 * What would make the monitor unsafe in production, each named with its setting: its broker link as the courier's
 * (SCRAM and TLS), its directory file, and its token issuer. The monitor has no identity
 * provider path yet, so its development issuer is always on: production refuses it until that path exists.
 */
export function monitorProductionProblems(read: EnvReader, env: NodeJS.ProcessEnv): string[] {
  const problems = [
    "the monitor signs its own tokens (ENLACE_JWT_SECRET, ENLACE_USERS_FILE): it takes no identity provider's yet, " +
      'and the development issuer has no place in production',
    // it reads every country's envelope headers and may redrive dead letters: its link is held to the courier's rules
    ...kafkaLinkProblemLines(kafkaLinkProductionProblems('the monitor', env)),
  ];
  if (read.optional('ENLACE_DIRECTORY_FILE') !== undefined) {
    problems.push(
      'ENLACE_DIRECTORY_FILE is an unsigned file of member keys: production takes the directory signed by the ' +
        "network's trust anchors",
    );
  }
  return problems;
}
