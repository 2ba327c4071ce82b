import { InvalidArgumentError } from 'commander';

/** An ISO 3166-1 alpha-2 country code, upper-cased. */
export function countryCode(value: string): string {
  const code = value.toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw new InvalidArgumentError('an ISO 3166-1 alpha-2 code');
  return code;
}

/** A comma-separated list of country codes. */
export function countryList(value: string): string[] {
  return value.split(',').map((code) => countryCode(code.trim()));
}

/** A whole number at least `min`. */
export function wholeNumber(min: number): (value: string) => number {
  return (value: string) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min) throw new InvalidArgumentError(`a whole number, at least ${min}`);
    return parsed;
  };
}

/** A number of seconds (0 or more). */
export function seconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new InvalidArgumentError('a number of seconds');
  return parsed;
}
