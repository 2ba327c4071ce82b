module.exports = {
  displayName: 'deploy-checks',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
