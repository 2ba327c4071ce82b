import { z } from 'zod';
import { SettingDoc, settingDocs } from './setting-doc';
import { COUNTRY_CODE, NETWORK_NAME } from './setting-patterns';

/**
 * The schema of one environment variable: from its text (or its absence) to the value the service uses. Every
 * refusal is a predicate on the setting's name ("is required", "must be ..."), never a quote of the value, so that a
 * secret is not printed by the message that refuses it.
 */
export type EnvSetting<T> = z.ZodType<T, string | undefined>;

/** Adds the problem to the parse and ends this setting's reading. */
export type Refuse = (problem: string) => never;

/**
 * A setting read by `parse` from its text; a blank value counts as unset, so that `ENLACE_HTTP_HOST=` never silently
 * means "every interface" or `ENLACE_HTTP_PORT=' '` port 0. `keepSpaces` leaves the text as written (a password).
 */
export function envSetting<T>(
  doc: SettingDoc,
  parse: (value: string | undefined, refuse: Refuse) => T,
  keepSpaces = false,
): EnvSetting<T> {
  const schema = z
    .string()
    .optional()
    .transform((input, ctx) => {
      const refuse: Refuse = (message) => {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      };
      if (!input?.trim()) return parse(undefined, refuse);
      return parse(keepSpaces ? input : input.trim(), refuse);
    });
  return schema.register(settingDocs, doc);
}

type Doc = Omit<SettingDoc, 'required' | 'default'>;

/** A text that must be set. */
export function requiredText(doc: Doc & { example: string }): EnvSetting<string> {
  return envSetting({ ...doc, required: true }, (value, refuse) => value ?? refuse('is required'));
}

/**
 * A text that may be unset; `required` names the condition under which another rule of the schema requires it, and
 * `fallback` the value used when it is unset.
 */
export function optionalText(doc: Doc & { required?: string }): EnvSetting<string | undefined>;
export function optionalText(doc: Doc & { required?: string; fallback: string }): EnvSetting<string>;
export function optionalText(doc: Doc & { required?: string; fallback?: string }): EnvSetting<string | undefined> {
  const { fallback, ...rest } = doc;
  return envSetting({ ...rest, ...(fallback !== undefined && { default: fallback }) }, (value) => value ?? fallback);
}

/** A secret: never printed; `minLength` refuses one too short to be safe. */
export function secretText(
  doc: Doc & { required?: true | string; minLength?: number },
): EnvSetting<string | undefined> {
  const { minLength = 1, ...rest } = doc;
  return envSetting(
    { ...rest, secret: true },
    (value, refuse) => {
      if (value === undefined) return rest.required === true ? refuse('is required') : undefined;
      return value.length >= minLength ? value : refuse(`must be at least ${minLength} characters`);
    },
    true,
  );
}

/** A whole number of at least `min`, `fallback` when unset. */
export function integer(doc: Doc & { fallback: number; min: number }): EnvSetting<number> {
  const { fallback, min, ...rest } = doc;
  return envSetting({ ...rest, default: String(fallback) }, (value, refuse) => {
    if (value === undefined) return fallback;
    const number = Number(value);
    return Number.isInteger(number) && number >= min ? number : refuse(`must be an integer of at least ${min}`);
  });
}

/** A comma-separated list of at least one item; unset: `undefined`, or refused when required. */
export function list(doc: Doc & { example: string; required: true }): EnvSetting<string[]>;
export function list(doc: Doc & { required?: string }): EnvSetting<string[] | undefined>;
export function list(doc: Doc & { required?: true | string }): EnvSetting<string[] | undefined> {
  return envSetting(doc, (value, refuse) => {
    if (value === undefined) return doc.required === true ? refuse('is required') : undefined;
    const items = value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
    return items.length > 0 ? items : refuse('must name at least one item');
  });
}

/** One of `values`, compared in lower case; `fallback` when unset. */
export function oneOf<V extends string>(doc: Doc & { values: readonly V[]; fallback: V }): EnvSetting<V> {
  const { values, fallback, ...rest } = doc;
  return envSetting({ ...rest, default: fallback }, (value, refuse) => {
    if (value === undefined) return fallback;
    const lower = value.toLowerCase() as V;
    return values.includes(lower) ? lower : refuse(`must be one of ${values.join(', ')}`);
  });
}

/** An ISO 3166 alpha-2 country code, accepted in either case and given in capitals. */
export function countryCode(doc: Doc & { example: string }): EnvSetting<string> {
  return envSetting({ ...doc, required: true }, (value, refuse) => {
    if (value === undefined) return refuse('is required');
    const code = value.toUpperCase();
    return COUNTRY_CODE.test(code) ? code : refuse('must be an ISO 3166 alpha-2 code');
  });
}

/** A network's name, as the envelope header contract names it. */
export function networkName(doc: Doc & { example: string }): EnvSetting<string> {
  return envSetting({ ...doc, required: true }, (value, refuse) => {
    if (value === undefined) return refuse('is required');
    return NETWORK_NAME.test(value) ? value : refuse('must be lower-case letters, digits and dashes (2-31)');
  });
}

/** An http(s) address, without its trailing slashes. */
export function httpAddress(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.toString().replace(/\/+$/, '');
}
