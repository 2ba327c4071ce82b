/** The first lines of every generated file: says where it comes from and how to remake it. */
export function generatedBanner(source: string): string {
  return [
    '/* eslint-disable */',
    '// generated from contracts/ — do not edit.',
    `// Source: ${source}`,
    '// Regenerate with: npx tsx tools/contracts/generate.ts',
    '',
  ].join('\n');
}
