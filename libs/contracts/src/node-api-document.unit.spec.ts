import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { nodeApiDocument } from './generated/node-api-document.generated';
import { referralRequestedV1Schema } from './generated/schemas.generated';

type Node = Record<string, unknown>;

const DOCUMENT_FILE = path.resolve(__dirname, '..', '..', '..', 'contracts', 'openapi', 'node-api.openapi.yaml');
const document = parse(readFileSync(DOCUMENT_FILE, 'utf8')) as Node;
const paths = document.paths as Record<string, Record<string, Node>>;
const schemas = (document.components as Node).schemas as Record<string, Node>;
const DOCUMENT_ID = 'urn:enlace:openapi:node-api';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

function refsIn(node: unknown): string[] {
  if (node === null || typeof node !== 'object') return [];
  const own = typeof (node as Node).$ref === 'string' ? [(node as Node).$ref as string] : [];
  return [...own, ...Object.values(node as Node).flatMap(refsIn)];
}

function resolvePointer(pointer: string): unknown {
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node === undefined ? undefined : (node as Node)[key]), document);
}

function resolved<T = Node>(node: unknown): T {
  const ref = (node as Node).$ref;
  return (typeof ref === 'string' ? resolvePointer(ref) : node) as T;
}

/** Validates against the document's own schemas the way an OpenAPI 3.1 server would (JSON Schema 2020-12). */
function documentValidator(): (pointer: string, value: unknown) => unknown[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  return (pointer, value) => {
    const validate = ajv.getSchema(`${DOCUMENT_ID}${pointer}`);
    if (!validate) throw new Error(`no schema at ${pointer}`);
    return validate(value) ? [] : [...(validate.errors ?? [])];
  };
}

/** The step endpoints a case has, as the document's own enum of them lists them. */
function stepsOf(schema: 'ReturnStep' | 'ReintegrationStep'): string[] {
  return schemas[schema]?.enum as string[];
}

describe('node API OpenAPI document', () => {
  const validate = documentValidator();

  it('should be OpenAPI 3.1.0 served at /api/v1 behind bearer JWTs', () => {
    expect(document.openapi).toBe('3.1.0');
    // OpenAPI 3.1's own default dialect (JSON Schema 2020-12 with its vocabulary): Swagger UI warns in red on any other
    expect(document).not.toHaveProperty('jsonSchemaDialect');
    expect(document.servers).toEqual([expect.objectContaining({ url: '/api/v1' })]);
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    expect(resolvePointer('#/components/securitySchemes/bearerAuth')).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
    );
  });

  it('should resolve every $ref', () => {
    expect(refsIn(document).filter((ref) => resolvePointer(ref) === undefined)).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    ['post', '/auth/token', ['200', '400', '401']],
    ['post', '/referrals', ['201', '400', '401', '403', '422']],
    ['get', '/referrals', ['200', '400', '401', '403']],
    ['get', '/referrals/{id}', ['200', '401', '404']],
    ['post', '/referrals/{id}/accept', ['200', '401', '404', '409', '422']],
    ['post', '/referrals/{id}/decline', ['200', '401', '404', '409', '422']],
    ['post', '/referrals/{id}/request-information', ['200', '400', '401', '403', '404', '409', '422']],
    ['post', '/referrals/{id}/provide-information', ['200', '400', '401', '403', '404', '409', '422']],
    ['post', '/referrals/{id}/withdraw', ['200', '400', '401', '403', '404', '409', '422']],
    ['post', '/referrals/{id}/start-service', ['200', '400', '401', '403', '404', '409']],
    ['post', '/referrals/{id}/close', ['200', '400', '401', '403', '404', '409', '422']],
    ['get', '/exports/htcds.csv', ['200', '401', '403']],
    ['get', '/inbox/set-aside', ['200', '400', '401', '403']],
    ['get', '/inbox/waiting', ['200', '400', '401', '403']],
    ['post', '/inbox/set-aside/reapply', ['202', '401', '403']],
    ['post', '/inbox/{id}/reapply', ['202', '400', '401', '403', '404', '409']],
    ['get', '/health', ['200']],
  ])('should list %s %s with its responses', (method, route, statuses) => {
    const operation = paths[route]?.[method] as Node;

    expect(typeof operation.operationId).toBe('string');
    expect(Object.keys(operation.responses as Node)).toEqual(expect.arrayContaining(statuses));
  });

  it('should list no other operations', () => {
    const operations = Object.entries(paths).flatMap(([route, item]) =>
      Object.keys(item)
        .filter((key) => HTTP_METHODS.includes(key))
        .map((method) => `${method} ${route}`),
    );

    expect(operations.sort()).toEqual(
      [
        'post /auth/token',
        'get /auth/me',
        'get /exports/htcds.csv',
        'get /cases/{caseId}/documents',
        'post /cases/{caseId}/documents',
        'get /cases/{caseId}/documents/{documentId}/content',
        'get /agencies',
        'get /cases/{id}/shares',
        'put /cases/{id}/shares/{agency}',
        'delete /cases/{id}/shares/{agency}',
        'get /notifications/subscriptions',
        'post /notifications/subscriptions',
        'delete /notifications/subscriptions/{id}',
        'post /statistics/reports',
        'post /referrals',
        'get /referrals',
        'get /referrals/{id}',
        'get /referrals/{id}/person',
        'post /referrals/{id}/accept',
        'post /referrals/{id}/decline',
        'post /referrals/{id}/request-information',
        'post /referrals/{id}/provide-information',
        'post /referrals/{id}/withdraw',
        'post /referrals/{id}/withdraw-consent',
        'post /referrals/{id}/start-service',
        'post /referrals/{id}/close',
        'post /returns',
        'get /returns',
        'get /returns/{id}',
        'get /returns/{id}/person',
        ...stepsOf('ReturnStep').map((step) => `post /returns/{id}/${step}`),
        'post /reintegrations',
        'get /reintegrations',
        'get /reintegrations/{id}',
        'get /reintegrations/{id}/person',
        ...stepsOf('ReintegrationStep').map((step) => `post /reintegrations/{id}/${step}`),
        'post /intakes',
        'get /intakes',
        'get /intakes/{id}',
        'post /intakes/{id}/screen',
        'post /intakes/{id}/merge',
        'post /intakes/{id}/erase',
        'post /intakes/{id}/referral',
        'post /intakes/{id}/return',
        'get /inbox/set-aside',
        'get /inbox/waiting',
        'post /inbox/set-aside/reapply',
        'post /inbox/{id}/reapply',
        'get /audit/records',
        'get /audit/records.csv',
        'get /health',
      ].sort(),
    );
  });

  it('should name every return step the procedure has, and every reintegration step', () => {
    expect(stepsOf('ReturnStep')).toHaveLength(18);
    expect(stepsOf('ReintegrationStep')).toHaveLength(8);
  });

  it('should leave only token issuing and health open without a token', () => {
    const open = Object.entries(paths).flatMap(([route, item]) =>
      Object.entries(item)
        .filter(([method, operation]) => HTTP_METHODS.includes(method) && Array.isArray(operation.security))
        .map(([method]) => `${method} ${route}`),
    );

    expect(open.sort()).toEqual(['get /health', 'post /auth/token']);
  });

  it('should answer every error with problem+json, naming failing fields for bad input', () => {
    for (const item of Object.values(paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!HTTP_METHODS.includes(method)) continue;
        for (const [status, response] of Object.entries(operation.responses as Node)) {
          if (Number(status) < 400) continue;
          expect(Object.keys(resolved<Node>(response).content as Node)).toEqual(['application/problem+json']);
        }
      }
    }
    expect(
      validate('#/components/schemas/ValidationProblem', { type: 'about:blank', title: 'Bad', status: 400 }),
    ).toEqual([]);
    expect(resolvePointer('#/components/schemas/FieldError/required')).toEqual(['field', 'message']);
  });

  it('should give a Location header to a created referral', () => {
    const created = (paths['/referrals']?.post?.responses as Node)['201'] as Node;

    expect(Object.keys(created.headers as Node)).toEqual(['Location']);
  });

  it('should know every referral status', () => {
    expect(schemas.ReferralStatus?.enum).toEqual([
      'draft',
      'sent',
      'delivered',
      'info-requested',
      'accepted',
      'declined',
      'withdrawn',
      'consent-withdrawn',
      'expired',
      'in-service',
      'closed',
    ]);
  });

  it('should name every action a referral view may offer after its endpoint', () => {
    const actions = schemas.ReferralAction?.enum as string[];

    expect(
      actions.map((action) => `post /referrals/{id}/${action}`).filter((route) => !paths[route.slice(5)]?.post),
    ).toEqual([]);
  });

  it('should tell, in every summary and view, whether the answer is overdue', () => {
    expect(schemas.ReferralSummary?.required).toContain('overdue');
    expect(schemas.ReferralView?.required).toContain('overdue');
    expect((paths['/referrals']?.get?.parameters as Node[]).map((parameter) => parameter.name)).toContain('overdue');
  });

  it('should leave a closing without reason to the protocol (422), not to the schema (400)', () => {
    expect(validate('#/components/schemas/CloseReferralRequest', { outcome: 'unsuccessful' })).toEqual([]);
    expect(validate('#/components/schemas/CloseReferralRequest', { outcome: 'partly' }).length).toBeGreaterThan(0);
  });

  it('should use the message contract’s HTCDS values, accepting Female and Male only as input aliases', () => {
    const wire = referralRequestedV1Schema;

    expect(schemas.ReferralReason?.enum).toEqual(wire.properties.reason.enum);
    expect(schemas.ServiceType?.enum).toEqual(wire.properties.servicesRequested.items.enum);
    expect(schemas.Gender?.enum).toEqual(wire.$defs.person.properties.gender.enum);
    expect(schemas.GenderInput?.enum).toEqual([...wire.$defs.person.properties.gender.enum, 'Female', 'Male']);
  });

  it('should keep personal data out of referral summaries', () => {
    const fields = Object.keys(schemas.ReferralSummary?.properties as Node);

    expect(fields).not.toEqual(expect.arrayContaining(['person']));
    expect(fields.filter((field) => ['person', 'consent', 'reasonDetails', 'declineReason'].includes(field))).toEqual(
      [],
    );
  });

  it('should carry examples that conform to their schemas', () => {
    expect(validate('#/components/schemas/ReferralView', { id: 'not-a-uuid' }).length).toBeGreaterThan(0);
    const checked: string[] = [];
    for (const [route, item] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const media = (operation.requestBody as Node | undefined)?.content as Record<string, Node> | undefined;
        const json = media?.['application/json'];
        if (!json?.example) continue;
        const pointer = (json.schema as Node).$ref as string;
        expect([`${method} ${route}`, validate(pointer, json.example)]).toEqual([`${method} ${route}`, []]);
        checked.push(`${method} ${route}`);
      }
    }
    for (const [name, schema] of Object.entries(schemas)) {
      for (const example of (schema.examples ?? []) as unknown[]) {
        expect([name, validate(`#/components/schemas/${name}`, example)]).toEqual([name, []]);
        checked.push(name);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['post /referrals', 'ReferralView', 'ReferralList']));
  });

  it('should be embedded unchanged in the generated document module', () => {
    expect(nodeApiDocument).toEqual(document);
  });
});
