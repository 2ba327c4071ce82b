import { z } from 'zod';

/** What docs/configuration.md and the .env.example files say of one setting. */
export interface SettingDoc {
  /** What the setting does, for a deployer: a sentence or two, no markdown tables' pipes. */
  readonly description: string;
  /** Its value is never printed, and .env.example holds a placeholder for it, never a value. */
  readonly secret?: boolean;
  /** The value used when it is unset, as a deployer would write it. */
  readonly default?: string;
  /** true: always required; a sentence: required under that condition (e.g. "unless ENLACE_OIDC_ISSUER is set"). */
  readonly required?: true | string;
  /** A value for .env.example where the setting has no default (never a real secret). */
  readonly example?: string;
}

/** The documentation of every setting schema, read by tools/config/generate.ts. */
export const settingDocs = z.registry<SettingDoc>();
