import { logSchema } from '@enlace/config';
import { JsonLogSettings } from './json-log.params';

/** ENLACE_LOG_LEVEL (info by default), from the services' shared log setting (libs/config). */
export function readJsonLogSettings(env: NodeJS.ProcessEnv = process.env): JsonLogSettings {
  return { level: logSchema.read(env).ENLACE_LOG_LEVEL };
}
