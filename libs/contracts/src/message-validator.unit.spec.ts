import { ContractViolation } from './contract-violation.error';
import type { EnvelopeHeaderV1, EnvelopeV1, ReferralRequestedV1 } from './generated/messages.generated';
import { schemasById, type SchemaId } from './generated/schemas.generated';
import { MessageValidator } from './message-validator';

// A value that looks like personal data: no error may ever repeat it.
const CANARY = 'Ana-Perez-Canary-4711';

const validator: MessageValidator = new MessageValidator();

function examplesOf(schemaId: SchemaId): unknown[] {
  return [...(schemasById[schemaId].examples as readonly unknown[])];
}

function firstExample<T>(schemaId: SchemaId): T {
  return structuredClone(examplesOf(schemaId)[0]) as T;
}

/** A copy of `value` with the member at a JSON Pointer replaced. */
function withValueAt(value: unknown, pointer: string, replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = pointer.split('/').slice(1);
  const last = keys.pop() as string;
  let node: Record<string, unknown> = copy;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  node[last] = replacement;
  return copy;
}

function violationOf(run: () => void): ContractViolation {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractViolation) return error;
    throw error;
  }
  throw new Error('expected a ContractViolation');
}

const schemaIds = Object.keys(schemasById) as SchemaId[];

describe(MessageValidator, () => {
  describe('validate', () => {
    it.each(schemaIds)('should accept every example of %s', (schemaId) => {
      for (const example of examplesOf(schemaId)) {
        expect(validator.validate(schemaId, example)).toEqual([]);
      }
    });

    it.each<[SchemaId, string, unknown]>([
      ['urn:enlace:schema:envelope-header.v1', '/to', CANARY],
      ['urn:enlace:schema:envelope-header.v1', '/caseId', CANARY],
      ['urn:enlace:schema:envelope.v1', '/payload', CANARY],
      ['urn:enlace:schema:envelope.v1', '/header/sentAt', CANARY],
      ['urn:enlace:schema:directory-entry.v1', '/signingKeys/0/jwk/x', CANARY],
      ['urn:enlace:message:receipt.delivered.v1', '/duplicate', CANARY],
      ['urn:enlace:message:receipt.delivered.v1', '/receivedEnvelopeDigest', CANARY],
      ['urn:enlace:message:referral.requested.v1', '/person/birthdate', CANARY],
      ['urn:enlace:message:referral.requested.v1', '/person/gender', CANARY],
      ['urn:enlace:message:referral.requested.v1', '/person/firstName', `${'x'.repeat(100)}${CANARY}`],
      ['urn:enlace:message:referral.requested.v1', '/servicesRequested/0', CANARY],
      ['urn:enlace:message:referral.requested.v1', '/consent/scope/0', CANARY],
      ['urn:enlace:message:referral.requested.v1', '/reason', CANARY],
      ['urn:enlace:message:referral.accepted.v1', '/acceptedAt', CANARY],
      ['urn:enlace:message:referral.declined.v1', '/reason', `${'x'.repeat(2000)}${CANARY}`],
      ['urn:enlace:message:referral.information-requested.v1', '/question', `${'x'.repeat(2000)}${CANARY}`],
      ['urn:enlace:message:referral.information-provided.v1', '/answer', `${'x'.repeat(4000)}${CANARY}`],
      ['urn:enlace:message:referral.withdrawn.v1', '/consentWithdrawn', CANARY],
      ['urn:enlace:message:referral.closed.v1', '/outcome', CANARY],
    ])('should reject %s with a bad %s, naming the path and not the value', (schemaId, pointer, bad) => {
      const violations = validator.validate(schemaId, withValueAt(firstExample(schemaId), pointer, bad));

      expect(violations.map((v) => v.path)).toContain(pointer);
      expect(JSON.stringify(violations)).not.toContain(CANARY);
    });

    it.each(schemaIds)('should name a missing required property of %s', (schemaId) => {
      const required = schemasById[schemaId].required as readonly string[];
      const example = firstExample<Record<string, unknown>>(schemaId);
      delete example[required[0] as string];

      expect(validator.validate(schemaId, example)).toContainEqual({ path: `/${required[0]}`, message: 'is required' });
    });

    it.each(schemaIds)('should name a property that %s does not define, without its value', (schemaId) => {
      const example = { ...firstExample<Record<string, unknown>>(schemaId), unexpected: CANARY };

      const violations = validator.validate(schemaId, example);

      expect(violations).toContainEqual({ path: '/unexpected', message: 'is not allowed' });
      expect(JSON.stringify(violations)).not.toContain(CANARY);
    });
  });

  describe('assertHeader', () => {
    const header = firstExample<EnvelopeHeaderV1>('urn:enlace:schema:envelope-header.v1');

    it('should accept a header of a known type that names its schema', () => {
      expect(() => validator.assertHeader(header)).not.toThrow();
    });

    it('should reject a header whose type is not known', () => {
      const unknown = {
        ...header,
        type: 'referral.teleported.v1',
        schema: 'urn:enlace:message:referral.teleported.v1',
      };

      expect(violationOf(() => validator.assertHeader(unknown)).violations).toEqual([
        { path: '/type', message: 'is not a known message type' },
      ]);
    });

    it("should reject a header whose schema is not its type's", () => {
      const mismatched = { ...header, schema: 'urn:enlace:message:referral.declined.v1' };

      expect(violationOf(() => validator.assertHeader(mismatched)).violations).toEqual([
        { path: '/schema', message: 'must be the schema of the message type' },
      ]);
    });

    it('should throw a ContractViolation that names the subject and paths but no value', () => {
      const error = violationOf(() => validator.assertHeader({ ...header, from: CANARY }));

      expect(error.subject).toBe('envelope header');
      expect(error.message).toContain('/from');
      expect(error.message).not.toContain(CANARY);
    });

    it('should reject what is not an object', () => {
      expect(violationOf(() => validator.assertHeader(CANARY)).violations).toEqual([
        { path: '', message: 'must be object' },
      ]);
    });
  });

  describe('assertEnvelopeContent', () => {
    const envelope = firstExample<EnvelopeV1>('urn:enlace:schema:envelope.v1');

    it('should accept the signed content of an envelope', () => {
      expect(() => validator.assertEnvelopeContent(envelope)).not.toThrow();
    });

    it('should reject an envelope whose header names an unknown type', () => {
      const unknown = withValueAt(envelope, '/header/type', 'referral.teleported.v1');

      expect(violationOf(() => validator.assertEnvelopeContent(unknown)).violations).toEqual([
        { path: '/header/type', message: 'is not a known message type' },
      ]);
    });

    it('should reject a payload that is not a JWE compact serialization', () => {
      const plain = withValueAt(envelope, '/payload', JSON.stringify({ firstName: CANARY }));

      const error = violationOf(() => validator.assertEnvelopeContent(plain));

      expect(error.violations.map((v) => v.path)).toEqual(['/payload']);
      expect(error.message).not.toContain(CANARY);
    });
  });

  describe('assertPayload', () => {
    const referral = firstExample<ReferralRequestedV1>('urn:enlace:message:referral.requested.v1');

    it('should accept a payload of its type', () => {
      expect(() => validator.assertPayload('referral.requested.v1', referral)).not.toThrow();
    });

    it('should reject a payload of another type', () => {
      const error = violationOf(() => validator.assertPayload('referral.accepted.v1', referral));

      expect(error.subject).toBe('referral.accepted.v1 payload');
      expect(error.violations).toContainEqual({ path: '/acceptedAt', message: 'is required' });
    });

    it('should reject an unknown message type', () => {
      expect(violationOf(() => validator.assertPayload('referral.teleported.v1', referral)).violations).toEqual([
        { path: '', message: 'has no known message type' },
      ]);
    });

    it('should accept only HTCDS gender values on the wire', () => {
      const aliased = withValueAt(referral, '/person/gender', 'Female');

      expect(violationOf(() => validator.assertPayload('referral.requested.v1', aliased)).violations).toEqual([
        { path: '/person/gender', message: 'must be equal to one of the allowed values' },
      ]);
    });

    it('should reject a referral that asks for the same service twice', () => {
      const twice = withValueAt(referral, '/servicesRequested', ['Health', 'Health']);

      expect(violationOf(() => validator.assertPayload('referral.requested.v1', twice)).violations[0]?.path).toBe(
        '/servicesRequested',
      );
    });

    it('should require a reason when a referral closes unsuccessfully', () => {
      const closed = { referralId: referral.referralId, closedAt: '2025-06-01T15:00:00Z', outcome: 'unsuccessful' };

      expect(violationOf(() => validator.assertPayload('referral.closed.v1', closed)).violations).toEqual([
        { path: '/reason', message: 'is required' },
      ]);
      expect(() => validator.assertPayload('referral.closed.v1', { ...closed, outcome: 'successful' })).not.toThrow();
    });

    it('should narrow the payload to its generated type', () => {
      const payload: unknown = referral;

      validator.assertPayload('referral.requested.v1', payload);

      expect(payload.person.firstName).toBe('Ana');
    });
  });

  describe('assertDirectoryEntry', () => {
    it('should reject an encryption key on a curve other than X25519', () => {
      const entry = withValueAt(
        firstExample('urn:enlace:schema:directory-entry.v1'),
        '/encryptionKeys/0/jwk/crv',
        'P-256',
      );

      expect(violationOf(() => validator.assertDirectoryEntry(entry)).violations).toEqual([
        { path: '/encryptionKeys/0/jwk/crv', message: 'must be equal to constant' },
      ]);
    });
  });

  describe('isKnownType', () => {
    it('should know every referral message type and the delivery receipt', () => {
      expect(validator.isKnownType('referral.requested.v1')).toBe(true);
      expect(validator.isKnownType('receipt.delivered.v1')).toBe(true);
    });

    it('should not know other types, nor inherited property names', () => {
      expect(validator.isKnownType('referral.requested.v2')).toBe(false);
      expect(validator.isKnownType('toString')).toBe(false);
    });
  });
});
