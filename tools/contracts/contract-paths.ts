import * as path from 'node:path';

/** Where the generator reads contracts and writes code, relative to a repository root (the real one or a copy). */
export interface ContractPaths {
  readonly rootDir: string;
  readonly messagesDir: string;
  readonly nodeApiDocument: string;
  readonly prettierConfig: string;
  readonly outputDir: string;
}

export function contractPaths(rootDir: string): ContractPaths {
  return {
    rootDir,
    messagesDir: path.join(rootDir, 'contracts', 'messages'),
    nodeApiDocument: path.join(rootDir, 'contracts', 'openapi', 'node-api.openapi.yaml'),
    prettierConfig: path.join(rootDir, '.prettierrc'),
    outputDir: path.join(rootDir, 'libs', 'contracts', 'src', 'generated'),
  };
}
