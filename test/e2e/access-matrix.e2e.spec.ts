import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { ROLES, ROLE_RIGHTS, Role, holdsRight, isRight } from '@enlace/auth';
import { nodeApiDocument } from '@enlace/contracts';
import { LocalNetwork, startLocalNetwork, findFreeBasePort, networkPortOffsets } from '@enlace/local-infra';
import { ApiOperation, apiOperations, developmentToken, fillPath, schemaArbitrary, testInfra } from '@enlace/testing';

/**
 * Issue 4, item 3: every operation of the node API's OpenAPI document x every role x a user of the node's own
 * country or of the other one, on two running nodes. What is expected comes from the document (`x-enlace-right`)
 * and the one table of rights (libs/auth ROLE_RIGHTS); what is observed comes from the controllers' guards. A
 * guard that drifts from the contract fails here. The table is docs/access-matrix.md, checked for drift.
 */
const SEED = 4_2024;
const COUNTRIES = ['CO', 'EC'] as const;
/** CO's agencies: the first is its gateway, whose users are those of tokens that name no agency. */
const CO_AGENCIES = ['co-police', 'co-migration', 'co-shelter'] as const;
const document = nodeApiDocument as Record<string, unknown>;

type Caller = { kind: 'anonymous' } | { kind: 'user'; country: string; role: Role };

interface Observation {
  node: string;
  operation: ApiOperation;
  caller: Caller;
  status: number;
  contentType: string;
}

/** One valid request for `operation`: made-up ids that exist nowhere, a body and required parameters from the schema. */
function requestFor(operation: ApiOperation): { path: string; body?: string } {
  const sample = (schema: Record<string, unknown>) =>
    fc.sample(schemaArbitrary(document, schema), { seed: SEED, numRuns: 1 })[0];
  const pathValues: Record<string, string> = {};
  const query = new URLSearchParams();
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') pathValues[parameter.name] = String(sample(parameter.schema));
    if (parameter.in === 'query' && parameter.required) query.set(parameter.name, String(sample(parameter.schema)));
  }
  const search = query.size > 0 ? `?${query}` : '';
  return {
    path: `${fillPath(operation, pathValues)}${search}`,
    ...(operation.requestBody ? { body: JSON.stringify(sample(operation.requestBody.schema)) } : {}),
  };
}

const callerName = (caller: Caller, node: string) =>
  caller.kind === 'anonymous' ? 'no token' : `${caller.role} of ${caller.country === node ? 'own' : 'other'} country`;

describe('the access matrix of the node API', () => {
  const network = `matrix${Date.now().toString(36)}`;
  const operations = apiOperations();
  const observations: Observation[] = [];
  let home: string;
  let net: LocalNetwork;

  beforeAll(async () => {
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'enlace-matrix-'));
    net = await startLocalNetwork({
      network,
      members: COUNTRIES.map((country) => ({
        country,
        organisations: [`${country} focal point`],
        ...(country === 'CO' ? { agencies: CO_AGENCIES } : {}),
      })),
      home,
      basePort: await findFreeBasePort(networkPortOffsets(5)),
      mode: 'combined',
      infra: testInfra(),
    });
    // Every node has its own issuer secret: a caller of another country holds a token this node's issuer signed for
    // a user of that country (as a regional identity provider would), so what answers is the country check itself.
    const tokens = new Map<string, string>();
    for (const node of COUNTRIES) {
      for (const country of COUNTRIES) {
        for (const role of ROLES) {
          tokens.set(
            `${node}:${country}/${role}`,
            await developmentToken(home, network, { country, roles: [role] }, node),
          );
        }
      }
    }
    const callers: Caller[] = [
      { kind: 'anonymous' },
      ...COUNTRIES.flatMap((country) => ROLES.map((role): Caller => ({ kind: 'user', country, role }))),
    ];
    for (const node of net.nodes) {
      for (const operation of operations) {
        const request = requestFor(operation);
        for (const caller of callers) {
          const token =
            caller.kind === 'user' ? tokens.get(`${node.country}:${caller.country}/${caller.role}`) : undefined;
          const response = await fetch(`${node.apiUrl}/api/v1${request.path}`, {
            method: operation.method,
            headers: {
              ...(token ? { authorization: `Bearer ${token}` } : {}),
              ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(request.body !== undefined ? { body: request.body } : {}),
          });
          await response.arrayBuffer();
          observations.push({
            node: node.country,
            operation,
            caller,
            status: response.status,
            contentType: response.headers.get('content-type') ?? '',
          });
        }
      }
    }
    console.log(`access matrix: seed ${SEED}, ${observations.length} requests, ${operations.length} operations`);
  }, 240_000);

  afterAll(async () => {
    await net?.stop({ dropDatabases: true });
    if (home) await fs.rm(home, { recursive: true, force: true });
  }, 60_000);

  it('should know the right of every operation that needs a token', () => {
    const undeclared = operations.filter((operation) => !operation.isPublic && !isRight(operation.right));
    expect(undeclared.map((operation) => operation.operationId)).toEqual([]);
  });

  it('should answer 401 without a token, 403 to another country, 403 without the right, and let the rest through', () => {
    const mismatches = observations
      .filter(({ operation }) => !operation.isPublic)
      .flatMap((observation) => {
        const { node, operation, caller, status } = observation;
        const right = operation.right as Parameters<typeof holdsRight>[1];
        let expected: string;
        let ok: boolean;
        if (caller.kind === 'anonymous') [expected, ok] = ['401', status === 401];
        else if (caller.country !== node) [expected, ok] = ['403', status === 403];
        else if (!holdsRight([caller.role], right)) [expected, ok] = ['403', status === 403];
        else [expected, ok] = ['neither 401 nor 403, nor 5xx', status !== 401 && status !== 403 && status < 500];
        return ok
          ? []
          : [`${node} ${operation.operationId} by ${callerName(caller, node)}: ${status}, expected ${expected}`];
      });
    expect(mismatches).toEqual([]);
  });

  it("should refuse with 401 a token another node's issuer signed, whatever country it names", async () => {
    const [co, ec] = COUNTRIES;
    const ecNode = net.nodes.find((node) => node.country === ec);
    if (!ecNode) throw new Error('no EC node');
    const mintedByCo = await developmentToken(home, network, { country: ec, roles: ['supervisor'] }, co);
    const mintedByEc = await developmentToken(home, network, { country: ec, roles: ['supervisor'] }, ec);

    const answer = (token: string) =>
      fetch(`${ecNode.apiUrl}/api/v1/referrals`, { headers: { authorization: `Bearer ${token}` } }).then(
        (response) => response.status,
      );

    expect(await answer(mintedByCo)).toBe(401);
    expect(await answer(mintedByEc)).toBe(200);
  });

  /** Reads of one case by a user of another agency of CO: not shared, then shared, then taken back. */
  const agencyRows: string[][] = [];

  it('should let an agency read only the cases it owns or was given, from sharing to taking back', async () => {
    const co = net.nodes.find((node) => node.country === 'CO');
    if (!co) throw new Error('no CO node');
    const [, other] = CO_AGENCIES;
    const call = async (token: string, method: string, url: string, body?: unknown) => {
      const response = await fetch(`${co.apiUrl}/api/v1${url}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const focal = await developmentToken(home, network, { country: 'CO', roles: ['focal-point'] });
    const supervisor = await developmentToken(home, network, { country: 'CO', roles: ['supervisor'] });
    const reader = await developmentToken(home, network, { country: 'CO', roles: ['case-worker'], agency: other });
    const created = await call(focal, 'POST', '/referrals', {
      toCountry: 'EC',
      reason: 'AdditionalServicesRequired',
      servicesRequested: ['Health'],
      urgency: 'medium',
      person: { firstName: 'Matrix', gender: 'Female', nationality: 'CO' },
      consent: { purpose: 'Referral', scope: ['identity'], recipients: ['EC'], recordedAt: new Date().toISOString() },
    });
    expect(created.status).toBe(201);
    const id = created.body['id'] as string;
    const reads = [
      ['getReferral', `/referrals/${id}`],
      ['getReferralPerson', `/referrals/${id}/person`],
      ['listCaseShares', `/cases/${id}/shares`],
    ] as const;
    const observe = async (token: string) => {
      const statuses = await Promise.all(reads.map(async ([, url]) => (await call(token, 'GET', url)).status));
      const listed = (await call(token, 'GET', '/referrals')).body['items'] as { id: string }[];
      return { statuses, listed: listed.some((item) => item.id === id) };
    };
    const own = await observe(supervisor);
    const notShared = await observe(reader);
    expect((await call(supervisor, 'PUT', `/cases/${id}/shares/${other}`, { reason: 'matrix' })).status).toBe(200);
    const shared = await observe(reader);
    expect((await call(supervisor, 'DELETE', `/cases/${id}/shares/${other}`)).status).toBe(200);
    const takenBack = await observe(reader);

    expect(own).toEqual({ statuses: [200, 200, 200], listed: true });
    expect(notShared).toEqual({ statuses: [404, 404, 404], listed: false });
    expect(shared).toEqual({ statuses: [200, 200, 200], listed: true });
    expect(takenBack).toEqual(notShared);
    reads.forEach(([operationId], index) =>
      agencyRows.push([
        operationId,
        ...[own, notShared, shared, takenBack].map(({ statuses }) => String(statuses[index])),
      ]),
    );
    agencyRows.push([
      'listReferrals (the case listed)',
      ...[own, notShared, shared, takenBack].map((o) => (o.listed ? 'yes' : 'no')),
    ]);
  });

  it('should answer every refusal as problem+json', () => {
    const plain = observations.filter((o) => o.status >= 400 && !o.contentType.includes('application/problem+json'));
    expect(plain.map((o) => `${o.node} ${o.operation.operationId} ${o.status}`)).toEqual([]);
  });

  it('should let public operations through without a token, with an answer their contract documents', () => {
    const publicOnes = observations.filter((o) => o.operation.isPublic && o.caller.kind === 'anonymous');
    expect(publicOnes.length).toBeGreaterThan(0);
    for (const { operation, status } of publicOnes) {
      expect([operation.operationId, operation.responses.includes(String(status))]).toEqual([
        operation.operationId,
        true,
      ]);
    }
  });

  it('should find docs/access-matrix.md as the nodes answer', async () => {
    const atCo = observations.filter((o) => o.node === COUNTRIES[0]);
    const cell = (operation: ApiOperation, caller: Caller) => {
      const status = atCo.find(
        (o) =>
          o.operation === operation &&
          o.caller.kind === caller.kind &&
          (caller.kind === 'anonymous' ||
            (o.caller.kind === 'user' && o.caller.role === caller.role && o.caller.country === caller.country)),
      )?.status;
      if (status === undefined) return '?';
      return status === 401 || status === 403 ? `${status}` : `**yes** (${status})`;
    };
    const otherCountryCell = (operation: ApiOperation) => {
      const statuses = new Set(
        atCo
          .filter((o) => o.operation === operation && o.caller.kind === 'user' && o.caller.country !== COUNTRIES[0])
          .map((o) => o.status),
      );
      return [...statuses].join(', ');
    };
    const header = ['operation', 'right', 'no token', ...ROLES, 'any role of another country'];
    const rows = operations.map((operation) =>
      operation.isPublic
        ? [
            `\`${operation.method} ${operation.path}\` (${operation.operationId})`,
            'public',
            ...header.slice(2).map(() => 'yes'),
          ]
        : [
            `\`${operation.method} ${operation.path}\` (${operation.operationId})`,
            operation.isPublic ? 'public' : `\`${operation.right ?? '?'}\``,
            cell(operation, { kind: 'anonymous' }),
            ...ROLES.map((role) => cell(operation, { kind: 'user', country: COUNTRIES[0], role })),
            otherCountryCell(operation),
          ],
    );
    const rightsTable = [
      '| role | rights |',
      '| --- | --- |',
      ...ROLES.map((role) => `| ${role} | ${ROLE_RIGHTS[role].map((right) => `\`${right}\``).join(', ')} |`),
    ];
    const text = [
      '# Access matrix of the node API',
      '',
      '<!-- Generated by test/e2e/access-matrix.e2e.spec.ts on running nodes; do not edit by hand. -->',
      '',
      `Every operation of \`contracts/openapi/node-api.openapi.yaml\` x every role, at ${COUNTRIES[0]}'s node, for users of`,
      `${COUNTRIES[0]} and of ${COUNTRIES[1]} (and the same the other way round, checked by the test). A cell is the`,
      'status observed: 401 (no token), 403 (another country, or a role without the right), or **yes** with the answer',
      'of an allowed call with a made-up id (404, 409 and 422 are expected there).',
      '',
      `| ${header.join(' | ')} |`,
      `| ${header.map(() => '---').join(' | ')} |`,
      ...rows.map((row) => `| ${row.join(' | ')} |`),
      '',
      'The rights of each role (`ROLE_RIGHTS` in libs/auth):',
      '',
      ...rightsTable,
      '',
      'Only a focal point speaks for the country: `case.write`, `case.answer` and `document.attach` are theirs alone,',
      'since every use of them sends a message across the border. A reintegration step (`reintegration.decide`,',
      '`reintegration.record`) that would tell the sending country, because the person consented to it, is refused',
      'to anyone else at the time it would be sent (403, nothing written); so is any sending step to a user of an',
      'agency other than the gateway.',
      '',
      `Agencies: ${COUNTRIES[0]}'s node has ${CO_AGENCIES.join(', ')} (the first its gateway). A case the gateway's focal`,
      `point made, read by a supervisor of its own agency, then by a case worker of ${CO_AGENCIES[1]}: before it is`,
      'shared with that agency, once shared, and once the share is taken back (404: the other agency learns nothing',
      'of the case, not even that it exists).',
      '',
      '| operation | own agency | not shared | shared | taken back |',
      '| --- | --- | --- | --- | --- |',
      ...agencyRows.map((row) => `| ${row.join(' | ')} |`),
      '',
    ].join('\n');
    const target = path.join(__dirname, '..', '..', 'docs', 'access-matrix.md');
    expect(rows.length).toBe(operations.length);
    // Like the generated contracts, the document is checked for drift: a run rewrites it only when asked, so a test
    // run leaves the checkout as it found it and a changed guard or answer cannot go unnoticed in the docs.
    if (process.env['ENLACE_UPDATE_DOCS'] === '1') {
      await fs.writeFile(target, text);
      return;
    }
    const committed = await fs.readFile(target, 'utf8').catch(() => '');
    if (committed !== text) {
      throw new Error(
        'docs/access-matrix.md does not match what the nodes answer; if the change is meant, rewrite it with ' +
          '`ENLACE_UPDATE_DOCS=1 npm run test:int -- access-matrix` and commit it. Observed:\n' +
          text,
      );
    }
  });
});
