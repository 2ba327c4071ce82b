module.exports = {
  displayName: 'node-api',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
