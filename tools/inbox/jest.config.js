module.exports = {
  displayName: 'tools-inbox',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
