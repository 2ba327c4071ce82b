module.exports = {
  displayName: 'console-server',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
