// Shared Jest settings for every project: SWC compiles TypeScript (with Nest's decorator metadata) and the
// ESM-only `jose`; tsconfig paths become module names so tests import libs the way the code does.
const { pathsToModuleNameMapper } = require('./tools/jest/paths-to-module-name-mapper');
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)s$': ['@swc/jest', { swcrc: false, ...require('./tools/jest/swc-options.json') }],
  },
  // jose and @nestjs/terminus ship ES modules only: SWC turns them into CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(jose|@nestjs/terminus)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(path.join(__dirname, 'tsconfig.base.json')),
  testMatch: ['**/*.spec.ts'],
};
