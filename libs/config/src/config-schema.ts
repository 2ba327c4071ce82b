import { z } from 'zod';
import { ConfigurationError } from './configuration-error';
import type { EnvSetting } from './env-setting';
import { SettingDoc, settingDocs } from './setting-doc';

/** The settings of a schema: environment variable name -> its schema. */
export type SettingsShape = Record<string, EnvSetting<unknown>>;

/** The values read from the environment, by variable name. */
export type SettingValues<S extends SettingsShape> = { [K in keyof S]: z.output<S[K]> };

/** The schema's variables as set (trimmed; a blank one counts as unset), for rules that span several of them. */
export type SetSettings = Readonly<Record<string, string | undefined>>;

/** One thing wrong with the settings: the variable it is about and a predicate on it, never its value. */
export interface SettingProblem {
  readonly setting: string;
  readonly problem: string;
}

/**
 * A check across settings that one schema cannot make alone: a setting required unless another is set, or one that
 * production refuses (deployment-mode.ts). It sees whether variables are set, not their values' meaning.
 */
export type SettingRule = (set: SetSettings) => SettingProblem[];

/** One documented setting, for tools/config/generate.ts. */
export interface DocumentedSetting extends SettingDoc {
  readonly name: string;
}

/**
 * Everything one service reads from its environment: a zod object of its variables, each documented (setting-doc.ts),
 * and the rules across them. `read` checks it all at once and names every problem in one error, so that a deployer
 * fixes them in one go instead of one per start.
 */
export class ConfigSchema<S extends SettingsShape> {
  readonly object: z.ZodObject<S>;

  constructor(
    /** The service as its error messages name it ("node-api", "the courier"). */
    readonly service: string,
    readonly shape: S,
    readonly rules: readonly SettingRule[] = [],
  ) {
    this.object = z.object(shape);
  }

  /** The settings, or a ConfigurationError naming every problem at once. */
  read(env: NodeJS.ProcessEnv = process.env): SettingValues<S> {
    const parsed = this.object.safeParse(env);
    const problems = [
      ...(parsed.success
        ? []
        : parsed.error.issues.map((issue) => ({ setting: String(issue.path[0] ?? '?'), problem: issue.message }))),
      ...this.rules.flatMap((rule) => rule(this.setSettings(env))),
    ];
    if (problems.length > 0 || !parsed.success) throw this.refusal(problems);
    return parsed.data as SettingValues<S>;
  }

  /** This schema and `other`'s together: one process that runs two services (services/node). */
  with<T extends SettingsShape>(service: string, other: ConfigSchema<T>): ConfigSchema<S & T> {
    return new ConfigSchema(service, { ...this.shape, ...other.shape }, [...this.rules, ...other.rules]);
  }

  /** Every setting with its documentation, in the order the schema declares them. */
  settings(): DocumentedSetting[] {
    return Object.entries(this.shape).map(([name, schema]) => {
      const doc = settingDocs.get(schema);
      if (doc === undefined) throw new Error(`${name} of ${this.service} has no documentation`);
      return { name, ...doc };
    });
  }

  private setSettings(env: NodeJS.ProcessEnv): SetSettings {
    return Object.fromEntries(
      Object.keys(this.shape).map((name) => {
        const value = env[name]?.trim();
        return [name, value ? value : undefined];
      }),
    );
  }

  private refusal(problems: readonly SettingProblem[]): ConfigurationError {
    const lines = problems.map(({ setting, problem }) => `  - ${setting} ${problem}`);
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    return new ConfigurationError(
      `${this.service} refuses to start: its settings have ${count} (see docs/configuration.md):\n${lines.join('\n')}`,
    );
  }
}

/** `setting` is required when `condition` holds of the set variables; `when` says so in the message. */
export function requiredWhen(setting: string, condition: (set: SetSettings) => boolean, when: string): SettingRule {
  return (set) => (set[setting] === undefined && condition(set) ? [{ setting, problem: `is required ${when}` }] : []);
}
