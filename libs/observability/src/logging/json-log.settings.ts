import { EnvReader } from '@enlace/config';
import { JsonLogSettings } from './json-log.params';

const LEVELS = /^(trace|debug|info|warn|error|fatal|silent)$/;

/** ENLACE_LOG_LEVEL (info by default), read the way every service reads its settings. */
export function readJsonLogSettings(env: NodeJS.ProcessEnv = process.env): JsonLogSettings {
  return {
    level: new EnvReader(env).matching(
      'ENLACE_LOG_LEVEL',
      LEVELS,
      'trace, debug, info, warn, error, fatal or silent',
      'info',
    ),
  };
}
