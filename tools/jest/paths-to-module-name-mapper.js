// Turns the `paths` of tsconfig.base.json into Jest's moduleNameMapper, so there is one list of aliases.
const fs = require('node:fs');
const path = require('node:path');

function pathsToModuleNameMapper(tsconfigPath) {
  const root = path.dirname(tsconfigPath);
  const { compilerOptions } = JSON.parse(fs.readFileSync(tsconfigPath, 'utf8'));
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths ?? {})) {
    const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    mapper[`^${escaped}$`] = path.join(root, compilerOptions.baseUrl ?? '.', target);
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };
