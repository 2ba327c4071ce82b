module.exports = {
  displayName: 'courier',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
