module.exports = {
  displayName: 'node',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
