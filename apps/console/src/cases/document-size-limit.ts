const MEBIBYTE = 1024 * 1024;

/**
 * A node's document limit (bytes) as a reader of `language` writes a size: in megabytes from one upwards (10 MB,
 * 2,5 MB, 10 Mo), in kilobytes below. Binary units, as the node counts its limit (10 MiB by default).
 */
export function documentSizeLimit(bytes: number, language: string): string {
  const [value, unit] = bytes >= MEBIBYTE ? [bytes / MEBIBYTE, 'megabyte'] : [bytes / 1024, 'kilobyte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}
