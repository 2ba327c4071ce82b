import type Ajv2020 from 'ajv/dist/2020';
import type { DataValidateFunction } from 'ajv/dist/types';

/**
 * How far ahead of this machine's UTC date a date may be and still count as "today somewhere": the easternmost
 * time zone is UTC+14, and a person born today there is not born in the future.
 */
const LATEST_OFFSET_MS = 14 * 3_600_000;

/** Whether a full-date (YYYY-MM-DD) is not after today in any time zone. */
export function isNotInTheFuture(date: string, now: Date = new Date()): boolean {
  const latestToday = new Date(now.getTime() + LATEST_OFFSET_MS).toISOString().slice(0, 10);
  return date <= latestToday;
}

const notFuture: DataValidateFunction = (data: unknown): boolean => {
  if (typeof data !== 'string' || isNotInTheFuture(data)) return true;
  notFuture.errors = [{ keyword: 'x-enlace-not-future', message: 'must not be a date in the future', params: {} }];
  return false;
};

/**
 * The contracts' own keywords, for every validator of them (requests and messages): `x-htcds` names the HTCDS field
 * (documentation only); `x-enlace-not-future: true` refuses a full-date after today, such as a birthdate.
 */
export function addContractKeywords(ajv: Ajv2020): void {
  ajv.addKeyword({ keyword: 'x-htcds', schemaType: 'string' });
  ajv.addKeyword({
    keyword: 'x-enlace-not-future',
    type: 'string',
    schemaType: 'boolean',
    errors: true,
    compile: (enabled: boolean) => (enabled ? notFuture : () => true),
  });
}
