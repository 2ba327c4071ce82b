import type { ErrorObject } from 'ajv/dist/2020';
import type { Violation } from './contract-violation.error';

/** Enough to act on a broken message; more would only bloat logs and dead-letter headers. */
const MAX_VIOLATIONS = 20;

/**
 * Turns ajv errors into violations that name the failing path and rule. Ajv's messages describe the schema, never
 * the data; params (which can hold values) are read only for property names.
 */
export function toViolations(errors: readonly ErrorObject[] | null | undefined): Violation[] {
  const violations: Violation[] = [];
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    // "must match "then" schema" only repeats the error of the `then` branch that is reported on its own.
    if (error.keyword === 'if') continue;
    const violation = toViolation(error);
    const key = `${violation.path}\u0000${violation.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push(violation);
    if (violations.length === MAX_VIOLATIONS) break;
  }
  return violations;
}

function toViolation(error: ErrorObject): Violation {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  if (error.keyword === 'required' && params.missingProperty !== undefined) {
    return { path: child(error.instancePath, params.missingProperty), message: 'is required' };
  }
  if (error.keyword === 'additionalProperties' && params.additionalProperty !== undefined) {
    return { path: child(error.instancePath, params.additionalProperty), message: 'is not allowed' };
  }
  return { path: error.instancePath, message: error.message ?? `fails ${error.keyword}` };
}

function child(path: string, property: string): string {
  return `${path}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
