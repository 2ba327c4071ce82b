import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { monitorApiDocument } from './generated/monitor-document.generated';
import { MonitorApiRequestValidator } from './monitor-api-request-validator';

type Node = Record<string, unknown>;

const DOCUMENT_FILE = path.resolve(__dirname, '..', '..', '..', 'contracts', 'openapi', 'monitor.openapi.yaml');
const document = parse(readFileSync(DOCUMENT_FILE, 'utf8')) as Node;
const paths = document.paths as Record<string, Record<string, Node>>;
const schemas = (document.components as Node).schemas as Record<string, Node>;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
const DOCUMENT_ID = 'urn:enlace:openapi:monitor-test';

function refsIn(node: unknown): string[] {
  if (node === null || typeof node !== 'object') return [];
  const own = typeof (node as Node).$ref === 'string' ? [(node as Node).$ref as string] : [];
  return [...own, ...Object.values(node as Node).flatMap(refsIn)];
}

function propertyNamesIn(node: unknown): string[] {
  if (node === null || typeof node !== 'object') return [];
  const own = Object.keys(((node as Node).properties as Node | undefined) ?? {});
  return [...own, ...Object.values(node as Node).flatMap(propertyNamesIn)];
}

function resolvePointer(pointer: string): unknown {
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node === undefined ? undefined : (node as Node)[key]), document);
}

function operations(): [string, Node][] {
  return Object.entries(paths).flatMap(([route, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]): [string, Node] => [`${method} ${route}`, operation]),
  );
}

describe('monitor OpenAPI document', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  const validate = (pointer: string, value: unknown): unknown[] => {
    const check = ajv.getSchema(`${DOCUMENT_ID}${pointer}`);
    if (!check) throw new Error(`no schema at ${pointer}`);
    return check(value) ? [] : [...(check.errors ?? [])];
  };

  it('should be OpenAPI 3.1.0 served at /api/v1 behind bearer JWTs', () => {
    expect(document.openapi).toBe('3.1.0');
    // OpenAPI 3.1's own default dialect (JSON Schema 2020-12 with its vocabulary): Swagger UI warns in red on any other
    expect(document).not.toHaveProperty('jsonSchemaDialect');
    expect(document.servers).toEqual([expect.objectContaining({ url: '/api/v1' })]);
    expect(document.security).toEqual([{ bearerAuth: [] }]);
  });

  it('should resolve every $ref', () => {
    expect(refsIn(document).filter((ref) => resolvePointer(ref) === undefined)).toEqual([]);
  });

  it('should list the secretariat’s operations and no others', () => {
    expect(operations().map(([name]) => name)).toEqual([
      'post /auth/token',
      'get /auth/me',
      'get /flows',
      'get /delays',
      'get /overdue',
      'get /dead-letters',
      'get /dead-letters/{id}',
      'post /dead-letters/redrive',
      'get /nodes',
      'get /regional-statistics',
      'get /regional-statistics/csv',
      'get /audit-checkpoints/{country}/latest',
      'get /events',
      'get /health',
    ]);
  });

  it('should leave only token issuing and health open without a token', () => {
    const open = operations()
      .filter(([, operation]) => Array.isArray(operation.security))
      .map(([name]) => name);

    expect(open).toEqual(['post /auth/token', 'get /health']);
  });

  it('should answer every error with problem+json', () => {
    for (const [, operation] of operations()) {
      for (const [status, response] of Object.entries(operation.responses as Node)) {
        if (Number(status) < 400) continue;
        const resolved = resolvePointer((response as Node).$ref as string) as Node;
        expect(Object.keys(resolved.content as Node)).toEqual(['application/problem+json']);
      }
    }
  });

  it('should name no personal or payload field anywhere', () => {
    const fields = new Set(propertyNamesIn(schemas));

    for (const forbidden of ['payload', 'person', 'firstName', 'birthdate', 'consent', 'reasonDetails']) {
      expect([forbidden, fields.has(forbidden)]).toEqual([forbidden, false]);
    }
  });

  it('should carry examples that conform to their schemas', () => {
    const checked: string[] = [];
    for (const [name, schema] of Object.entries(schemas)) {
      for (const example of (schema.examples ?? []) as unknown[]) {
        expect([name, validate(`#/components/schemas/${name}`, example)]).toEqual([name, []]);
        checked.push(name);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['FlowReport', 'DelayReport', 'DeadLetter', 'NodeHealthList']));
  });

  it('should be embedded unchanged in the generated document module', () => {
    expect(monitorApiDocument).toEqual(document);
  });
});

describe(MonitorApiRequestValidator, () => {
  const validator = new MonitorApiRequestValidator();

  it('should accept one to a hundred dead-letter ids, and name the failing field otherwise', () => {
    expect(validator.validate('RedriveRequest', { ids: ['EC.0.17'] })).toEqual([]);
    expect(validator.validate('RedriveRequest', { ids: [] }).map((violation) => violation.path)).toEqual(['/ids']);
    expect(validator.validate('RedriveRequest', { ids: ['EC.0.17; drop'] }).map((v) => v.path)).toEqual(['/ids/0']);
  });

  it('should check a parameter by its pointer', () => {
    expect(validator.validate('#/components/parameters/Since/schema', '2025-03-14T00:00:00Z')).toEqual([]);
    expect(validator.validate('#/components/parameters/Since/schema', 'yesterday')).not.toEqual([]);
  });
});
