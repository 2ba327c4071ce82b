module.exports = {
  displayName: 'tools-profiling',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
