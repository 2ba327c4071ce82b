/** A setting that is missing or malformed: the process refuses to start and says which one. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

/**
 * Reads a service's settings from its environment, once, at start. A blank value counts as unset, so that
 * `ENLACE_HTTP_HOST=` never silently means "every interface" or `PORT=' '` port 0.
 */
export class EnvReader {
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  optional(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) throw new ConfigurationError(`environment variable ${name} is required`);
    return value;
  }

  matching(name: string, pattern: RegExp, what: string, fallback?: string): string {
    const value = fallback === undefined ? this.required(name) : (this.optional(name) ?? fallback);
    if (!pattern.test(value)) throw new ConfigurationError(`${name} must be ${what}`);
    return value;
  }

  /** A country code, accepted in either case and returned in capitals. */
  country(name: string): string {
    const value = this.required(name).toUpperCase();
    if (!COUNTRY_CODE.test(value)) throw new ConfigurationError(`${name} must be an ISO 3166 alpha-2 code`);
    return value;
  }

  integer(name: string, fallback: number, min = 0): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min)
      throw new ConfigurationError(`${name} must be an integer of at least ${min}`);
    return value;
  }

  list(name: string): string[] {
    const items = this.required(name)
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
    if (items.length === 0) throw new ConfigurationError(`${name} must name at least one item`);
    return items;
  }
}

/** ISO 3166-1 alpha-2, as every contract names countries. */
export const COUNTRY_CODE = /^[A-Z]{2}$/;
/** As contracts/messages/envelope-header.v1 names networks (also a valid part of a Kafka topic name). */
export const NETWORK_NAME = /^[a-z][a-z0-9-]{1,30}$/;
