/**
 * A cell a spreadsheet would take for a formula (=, +, -, @, tab, carriage return first): free text comes from
 * case workers and, through messages, from other countries, so it is defused with a leading apostrophe (OWASP's
 * advice on CSV injection). Dates, ids and codes never start so. Every CSV file node-api writes casts its text so.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function defusedCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
