import type { EnvReader } from '@enlace/config';

/**
 * What would make node-api unsafe in production, each named with its setting: the development issuer (its users
 * file of passwords, its shared-secret tokens) instead of the country's identity provider.
 */
export function nodeApiProductionProblems(read: EnvReader): string[] {
  const problems: string[] = [];
  if (read.optional('ENLACE_OIDC_ISSUER') === undefined) {
    problems.push(
      "ENLACE_OIDC_ISSUER is not set: the development issuer would sign this node's tokens; production takes the " +
        "tokens of the country's identity provider (ENLACE_OIDC_ISSUER, ENLACE_OIDC_AUDIENCE)",
    );
  }
  if (read.optional('ENLACE_USERS_FILE') !== undefined) {
    problems.push("ENLACE_USERS_FILE is set: a file of users and passwords is the development issuer's");
  }
  if (read.optional('ENLACE_JWT_SECRET') !== undefined) {
    problems.push("ENLACE_JWT_SECRET is set: the development issuer's secret has no place in production");
  }
  return problems;
}
