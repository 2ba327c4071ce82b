import * as path from 'node:path';

/** One HTTP API's OpenAPI document and the names of what is generated from it. */
export interface OpenApiSource {
  /** Absolute path of the document. */
  readonly file: string;
  /** Path relative to the repository root, for banners. */
  readonly source: string;
  /** Stem of the generated files: `<stem>.generated.ts` (types) and `<stem>-document.generated.ts`. */
  readonly stem: string;
  /** Name of the exported constant holding the document. */
  readonly documentConst: string;
}

/** Where the generator reads contracts and writes code, relative to a repository root (the real one or a copy). */
export interface ContractPaths {
  readonly rootDir: string;
  readonly messagesDir: string;
  /** Every HTTP API of contracts/openapi, in the order their files are generated. */
  readonly openApiDocuments: readonly OpenApiSource[];
  readonly prettierConfig: string;
  readonly outputDir: string;
}

const OPENAPI_DOCUMENTS = [
  { name: 'node-api', documentConst: 'nodeApiDocument' },
  { name: 'monitor', documentConst: 'monitorApiDocument' },
] as const;

export function contractPaths(rootDir: string): ContractPaths {
  return {
    rootDir,
    messagesDir: path.join(rootDir, 'contracts', 'messages'),
    openApiDocuments: OPENAPI_DOCUMENTS.map(({ name, documentConst }) => ({
      file: path.join(rootDir, 'contracts', 'openapi', `${name}.openapi.yaml`),
      source: `contracts/openapi/${name}.openapi.yaml`,
      stem: name,
      documentConst,
    })),
    prettierConfig: path.join(rootDir, '.prettierrc'),
    outputDir: path.join(rootDir, 'libs', 'contracts', 'src', 'generated'),
  };
}
