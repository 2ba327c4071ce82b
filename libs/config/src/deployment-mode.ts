import { ConfigurationError, type EnvReader } from './env-reader';

/** How a process runs: `development` (the default: the demo, tests) or `production` (ENLACE_ENV=production). */
export type DeploymentMode = 'development' | 'production';

export function readDeploymentMode(read: EnvReader): DeploymentMode {
  const mode = read.optional('ENLACE_ENV') ?? 'development';
  if (mode !== 'development' && mode !== 'production') {
    throw new ConfigurationError('ENLACE_ENV must be development or production');
  }
  return mode;
}

/**
 * In production, a process does not start with a setting that is only safe for development: it names every such
 * setting at once, so that a deployer fixes them in one go instead of one per start.
 */
export function refuseUnsafeProduction(service: string, mode: DeploymentMode, problems: readonly string[]): void {
  if (mode !== 'production' || problems.length === 0) return;
  throw new ConfigurationError(
    `${service} refuses to start in production (ENLACE_ENV=production):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
}
