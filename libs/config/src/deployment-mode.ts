import type { SettingRule } from './config-schema';
import { oneOf } from './env-setting';

/** How a process runs: `development` (the default: the demo, tests) or `production` (ENLACE_ENV=production). */
export type DeploymentMode = 'development' | 'production';

export const deploymentModeSetting = oneOf<DeploymentMode>({
  description:
    'How the process runs: development (the demo, tests) or production. Production refuses to start with any setting that is only safe ' +
    'for development (a built-in token issuer, an unsigned directory file, a broker link without SCRAM or TLS), ' +
    'naming every one at once.',
  values: ['development', 'production'],
  fallback: 'development',
});

/**
 * A rule that holds in production only: in production, a process does not start with a setting that is only safe
 * for development. Each problem it finds says that production refuses it.
 */
export function inProduction(rule: SettingRule): SettingRule {
  return (set) =>
    set['ENLACE_ENV']?.toLowerCase() === 'production'
      ? rule(set).map(({ setting, problem }) => ({ setting, problem: `${problem} (refused in production)` }))
      : [];
}
