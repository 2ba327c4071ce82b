import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * One validator instance for this library's schemas. allErrors stays off: the first failure is enough to refuse,
 * and messages name the failing path, never the value.
 */
export const ajv = addFormats(new Ajv2020({ allErrors: false, strict: true }), ['uuid', 'date-time', 'uri']);

export function schemaErrorsText(errors: Parameters<typeof ajv.errorsText>[0]): string {
  return ajv.errorsText(errors, { dataVar: '' });
}
