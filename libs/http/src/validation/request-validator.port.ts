/** What the request pipes need of a contract's validator: the violations of a value against a named schema. */
export interface RequestValidator {
  validate(schema: string, value: unknown): ReadonlyArray<{ readonly path: string; readonly message: string }>;
}
