module.exports = {
  displayName: 'tools-config',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
