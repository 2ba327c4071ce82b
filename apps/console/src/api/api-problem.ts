/** One failing field of a request, as the APIs name it (a JSON Pointer and the rule it broke, never the value). */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem answered by an API, or a network failure (status 0), as the console shows it. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors: readonly FieldError[] = [],
    /** The problem's stable code (a protocol's rule, CONTRACT_VIOLATION), which the console translates. */
    readonly code?: string,
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiProblem';
  }
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

/** Reads a failed answer: problem+json when the API sent one, the bare status otherwise. */
export function problemFromBody(status: number, statusText: string, body: unknown): ApiProblem {
  if (typeof body === 'object' && body !== null) {
    const problem = body as Record<string, unknown>;
    const title = typeof problem['title'] === 'string' ? problem['title'] : statusText || `HTTP ${status}`;
    const detail = typeof problem['detail'] === 'string' ? problem['detail'] : undefined;
    const errors = Array.isArray(problem['errors']) ? problem['errors'].filter(isFieldError) : [];
    const code = typeof problem['code'] === 'string' ? problem['code'] : undefined;
    return new ApiProblem(status, title, detail, errors, code);
  }
  return new ApiProblem(status, statusText || `HTTP ${status}`);
}
