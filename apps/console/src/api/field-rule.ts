/** The rules a field can break, as the console says them in each language. */
export type FieldRule =
  | 'required'
  | 'notAllowed'
  | 'fewerItems'
  | 'moreItems'
  | 'shorter'
  | 'longer'
  | 'notAllowedValue'
  | 'format'
  | 'pattern'
  | 'type'
  | 'minimum'
  | 'maximum'
  | 'future';

/**
 * The APIs name a broken rule in the stable words of their JSON Schema validator ("must NOT have fewer than 1
 * items", "is required"): the rule and its bound read from them, so that the console says it in its user's language.
 * Undefined for a message of another form (the console then says only that the field is not valid).
 */
export function fieldRuleOf(message: string): { rule: FieldRule; limit?: number } | undefined {
  for (const [pattern, rule] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return match[1] !== undefined ? { rule, limit: Number(match[1]) } : { rule };
  }
  return undefined;
}

const PATTERNS: readonly [RegExp, FieldRule][] = [
  [/^is required$/, 'required'],
  [/^is not allowed$/, 'notAllowed'],
  [/^must NOT have fewer than (\d+) items$/, 'fewerItems'],
  [/^must NOT have more than (\d+) items$/, 'moreItems'],
  [/^must NOT have fewer than (\d+) characters$/, 'shorter'],
  [/^must NOT have more than (\d+) characters$/, 'longer'],
  [/^must be equal to (?:one of the allowed values|constant)$/, 'notAllowedValue'],
  [/^must match format "/, 'format'],
  [/^must match pattern "/, 'pattern'],
  [/^must be (?:string|number|integer|boolean|object|array|null)$/, 'type'],
  [/^must be >=? (-?\d+(?:\.\d+)?)$/, 'minimum'],
  [/^must be <=? (-?\d+(?:\.\d+)?)$/, 'maximum'],
  [/^must not be a date in the future$/, 'future'],
];
