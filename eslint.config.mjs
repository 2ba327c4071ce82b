import nx from '@nx/eslint-plugin';

/**
 * Layer tags (see DESIGN.md §7): the domain imports nothing but the domain; infrastructure may use the domain
 * and the contracts; services compose infrastructure; only applications and tests compose services.
 */
const depConstraints = [
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:domain'] },
  { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:domain'] },
  { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:domain'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:service', 'type:infra', 'type:contracts', 'type:domain'] },
  { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.enlace', '**/coverage', '**/*.generated.ts'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints,
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Domain code never reaches for I/O: a second guard beside the module boundaries.
    files: ['libs/protocols/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'net', 'http', 'kafkajs', 'mongoose', 'mongodb', '@nestjs/*', 'jose'] },
      ],
    },
  },
  {
    files: ['deploy/**/*.ts', 'test/**/*.ts', '**/*.spec.ts', 'scripts/**/*.ts', 'tools/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
];
