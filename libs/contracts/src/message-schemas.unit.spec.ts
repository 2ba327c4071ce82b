import { schemasById } from './generated/schemas.generated';
import { MESSAGE_TYPES } from './message-types';

type SchemaNode = Record<string, unknown>;

/** Picklists of the HTCDS field standards 2.0 that the contracts use (values as in the standard). */
const HTCDS_PICKLISTS: Record<string, readonly string[]> = {
  cas_ReasonForOutgoingReferral: ['AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other'],
  spl_Type: [
    'Education',
    'Financial',
    'Health',
    'LabourExploitationRehabilitation',
    'Legal',
    'Livelihood',
    'RightsBasedTraining',
    'SexualExploitationRehabilitation',
    'SocialCare',
  ],
  prs_Gender: [
    'Feminine',
    'Masculine',
    'TransgenderFeminine',
    'TransgenderMasculine',
    'NonConforming',
    'NonSpecifiedUnknown',
  ],
};

/** Every subschema that describes an object, with a JSON Pointer to it. */
function objectSchemas(node: unknown, at = ''): Array<[string, SchemaNode]> {
  if (node === null || typeof node !== 'object') return [];
  const schema = node as SchemaNode;
  const found: Array<[string, SchemaNode]> = schema.type === 'object' ? [[at, schema]] : [];
  for (const [key, child] of Object.entries(schema)) {
    if (key === 'examples' || key === 'const' || key === 'enum') continue;
    found.push(...objectSchemas(child, `${at}/${key}`));
  }
  return found;
}

function htcdsAnnotated(node: unknown, at = ''): Array<[string, SchemaNode]> {
  if (node === null || typeof node !== 'object') return [];
  const schema = node as SchemaNode;
  const found: Array<[string, SchemaNode]> = typeof schema['x-htcds'] === 'string' ? [[at, schema]] : [];
  for (const [key, child] of Object.entries(schema)) {
    if (key !== 'examples') found.push(...htcdsAnnotated(child, `${at}/${key}`));
  }
  return found;
}

const schemas = Object.values(schemasById).map((schema) => [schema.$id, schema as unknown as SchemaNode] as const);

describe('message schemas', () => {
  describe.each(schemas)('%s', (id, schema) => {
    it('should be a 2020-12 schema named by a URN', () => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(id).toMatch(/^urn:enlace:(schema|message):[a-z][a-z0-9.-]*\.v[1-9][0-9]*$/);
    });

    it('should carry at least one example', () => {
      expect((schema.examples as unknown[]).length).toBeGreaterThan(0);
    });

    it('should close every object, describe every property and declare every required one', () => {
      for (const [at, object] of objectSchemas(schema)) {
        const properties = (object.properties ?? {}) as Record<string, SchemaNode>;
        expect([at, object.additionalProperties]).toEqual([at, false]);
        for (const [name, property] of Object.entries(properties)) {
          expect([`${at}/properties/${name}`, typeof property.description]).toEqual([
            `${at}/properties/${name}`,
            'string',
          ]);
        }
        for (const name of (object.required ?? []) as string[]) {
          expect([at, name, name in properties]).toEqual([at, name, true]);
        }
      }
    });

    it('should bound the length of every free-text string', () => {
      const unbounded: string[] = [];
      (function visit(node: unknown, at: string): void {
        if (node === null || typeof node !== 'object') return;
        const s = node as SchemaNode;
        const bounded = 'maxLength' in s || 'format' in s || 'pattern' in s || 'enum' in s || 'const' in s;
        if (s.type === 'string' && !bounded) unbounded.push(at);
        for (const [key, child] of Object.entries(s)) if (key !== 'examples') visit(child, `${at}/${key}`);
      })(schema, '');
      expect(unbounded).toEqual([]);
    });

    it('should use HTCDS field names, and HTCDS values for HTCDS picklists', () => {
      for (const [at, annotated] of htcdsAnnotated(schema)) {
        const field = annotated['x-htcds'] as string;
        expect([at, field]).toEqual([at, expect.stringMatching(/^[a-z]{3}_[A-Z][A-Za-z]+$/)]);
        const picklist = HTCDS_PICKLISTS[field];
        if (picklist) {
          const values = annotated.enum ?? (annotated.items as SchemaNode | undefined)?.enum;
          expect([at, values]).toEqual([at, picklist]);
        }
      }
    });
  });

  it('should give every payload schema a message type, and every message type a payload schema', () => {
    const payloadSchemaIds = schemas.map(([id]) => id).filter((id) => id.startsWith('urn:enlace:message:'));

    expect([...Object.values(MESSAGE_TYPES)].sort()).toEqual(payloadSchemaIds.sort());
    for (const [type, schemaId] of Object.entries(MESSAGE_TYPES)) {
      expect(schemaId).toBe(`urn:enlace:message:${type}`);
    }
  });
});
