module.exports = {
  displayName: 'protocols',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
