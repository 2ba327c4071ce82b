module.exports = {
  displayName: 'contracts',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  moduleNameMapper: {
    // json-schema-to-typescript loads prettier's Node entry, whose dynamic import Jest's CommonJS runtime lacks; the
    // generator formats with the standalone build anyway and asks json-schema-to-typescript not to format.
    '^prettier$': require.resolve('prettier/standalone'),
  },
};
