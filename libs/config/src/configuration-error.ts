/** A setting that is missing or malformed: the process refuses to start and says which one, never its value. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}
