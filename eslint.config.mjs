import nx from '@nx/eslint-plugin';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Layer tags (see DESIGN.md §7): the domain imports nothing but the domain; infrastructure may use the domain
 * and the contracts; services compose infrastructure; only applications and tests compose services.
 */
const depConstraints = [
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  // The typed API clients (libs/client): for the console, the tests and other systems, never for the services.
  { sourceTag: 'type:client', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:domain'] },
  { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:domain'] },
  { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:domain'] },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:service', 'type:infra', 'type:contracts', 'type:domain', 'type:client'],
  },
  { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },
  // The browser application reads the contracts' generated types and calls the APIs through the typed clients.
  { sourceTag: 'type:frontend', onlyDependOnLibsWithTags: ['type:contracts', 'type:client'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.enlace', '**/coverage', '**/*.generated.ts'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
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
    // A service's specs and its test harness (src/testing) call its API as the tests do, through the typed clients
    // (libs/client); the service's own code stays barred from them by the block above.
    files: ['services/*/src/**/*.spec.ts', 'services/*/src/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: depConstraints.map((constraint) =>
            constraint.sourceTag === 'type:service'
              ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:client'] }
              : constraint,
          ),
        },
      ],
    },
  },
  {
    // Domain code never reaches for I/O: a second guard beside the module boundaries.
    files: ['libs/protocols/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'net', 'http', 'kafkajs', 'pg', 'kysely', '@nestjs/*', 'jose'] },
      ],
    },
  },
  {
    // The console: hooks used as React requires, and accessible markup (labelled controls, keyboard use).
    files: ['apps/console/**/*.tsx', 'apps/console/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      // Only type imports of the contracts: nothing of the server side is bundled into the browser.
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@enlace/contracts', allowTypeImports: true, message: 'type imports only in the browser' }],
          patterns: ['node:*'],
        },
      ],
    },
  },
  {
    // Programs whose output is for a person at a terminal (the operators' CLI among them), and tests.
    files: ['deploy/**/*.ts', 'test/**/*.ts', '**/*.spec.ts', 'scripts/**/*.ts', 'tools/**/*.ts', 'apps/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
];
