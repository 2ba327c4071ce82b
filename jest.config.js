// One Jest run over every project; the tier is chosen by file name (*.unit.spec.ts, *.int.spec.ts, *.e2e.spec.ts).
module.exports = {
  projects: [
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/services/*/jest.config.js',
    '<rootDir>/apps/*/jest.config.js',
    '<rootDir>/deploy/local/jest.config.js',
    '<rootDir>/deploy/checks/jest.config.js',
    '<rootDir>/tools/profiling/jest.config.js',
    '<rootDir>/tools/config/jest.config.js',
    '<rootDir>/test/jest.config.js',
  ],
};
