import { ConfigurationError } from '@enlace/config';
import { IsoDuration } from '../../config/iso-duration';
import { DEFAULT_DEADLINE_PERIODS, DeadlinePeriods, DeadlinePolicy } from './deadline-policy';

const CORRIDOR = /^[A-Z]{2}-[A-Z]{2}$/;
const DURATION_KINDS = ['referralAnswer', 'returnStep', 'reintegrationPlan'] as const;

/**
 * Reads a network's deadline settings (ENLACE_DEADLINES, JSON):
 * `{ "default": { "returnStep": "P10D" }, "corridors": { "AR-BO": { "followUpIntervalDays": 30 } } }`.
 * Every part is optional; `base` holds the node's own defaults. A wrong value names its place, never more.
 */
export function readDeadlinePolicy(
  json: string | undefined,
  base: DeadlinePeriods = DEFAULT_DEADLINE_PERIODS,
): DeadlinePolicy {
  if (json === undefined || json.trim() === '') return new DeadlinePolicy(base);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ConfigurationError('ENLACE_DEADLINES must be JSON');
  }
  if (!isObject(raw)) throw new ConfigurationError('ENLACE_DEADLINES must be a JSON object');
  const defaults = { ...base, ...periods(raw['default'], 'default') };
  const corridors: Record<string, Partial<DeadlinePeriods>> = {};
  const rawCorridors = raw['corridors'] ?? {};
  if (!isObject(rawCorridors)) throw new ConfigurationError('ENLACE_DEADLINES corridors must be an object');
  for (const [key, value] of Object.entries(rawCorridors)) {
    if (!CORRIDOR.test(key)) throw new ConfigurationError(`ENLACE_DEADLINES corridor "${key}" must be like CO-EC`);
    corridors[key] = periods(value, `corridors.${key}`);
  }
  return new DeadlinePolicy(defaults, corridors);
}

function periods(value: unknown, where: string): Partial<DeadlinePeriods> {
  if (value === undefined) return {};
  if (!isObject(value)) throw new ConfigurationError(`ENLACE_DEADLINES ${where} must be an object`);
  const result: { -readonly [K in keyof DeadlinePeriods]?: DeadlinePeriods[K] } = {};
  for (const [key, setting] of Object.entries(value)) {
    if ((DURATION_KINDS as readonly string[]).includes(key)) {
      try {
        result[key as (typeof DURATION_KINDS)[number]] = IsoDuration.parse(String(setting));
      } catch (error) {
        throw new ConfigurationError(`ENLACE_DEADLINES ${where}.${key} ${(error as Error).message}`);
      }
    } else if (key === 'followUpIntervalDays') {
      if (!Number.isInteger(setting) || (setting as number) < 1) {
        throw new ConfigurationError(`ENLACE_DEADLINES ${where}.followUpIntervalDays must be a whole number of days`);
      }
      result.followUpIntervalDays = setting as number;
    } else {
      throw new ConfigurationError(`ENLACE_DEADLINES ${where}.${key} is not a known deadline`);
    }
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
