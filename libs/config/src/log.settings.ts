import { ConfigSchema } from './config-schema';
import { envSetting } from './env-setting';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];

/** How much a service logs (its JSON lines on stdout); every service reads it. */
export const logSettings = {
  ENLACE_LOG_LEVEL: envSetting<LogLevel>(
    { description: `How much the service logs: ${LEVELS.join(', ')}.`, default: 'info' },
    (value, refuse) =>
      value === undefined
        ? 'info'
        : (LEVELS as readonly string[]).includes(value)
          ? (value as LogLevel)
          : refuse(`must be one of ${LEVELS.join(', ')}`),
  ),
};

export const logSchema = new ConfigSchema('the service', logSettings);
