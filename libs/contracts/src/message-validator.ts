import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { addContractKeywords } from './contract-keywords';
import { toViolations } from './ajv-violations';
import { ContractViolation, type Violation } from './contract-violation.error';
import type { DirectoryEntryV1, EnvelopeHeaderV1, EnvelopeV1 } from './generated/messages.generated';
import { schemasById, type SchemaId } from './generated/schemas.generated';
import { isMessageType, MESSAGE_TYPES, type MessageType, type PayloadOf } from './message-types';

const HEADER_SCHEMA: SchemaId = 'urn:enlace:schema:envelope-header.v1';
const ENVELOPE_SCHEMA: SchemaId = 'urn:enlace:schema:envelope.v1';
const DIRECTORY_ENTRY_SCHEMA: SchemaId = 'urn:enlace:schema:directory-entry.v1';

/**
 * Checks envelopes, headers, payloads and directory entries against the network's contracts. Every schema is added
 * when the validator is built, and compiled the first time it is used, then kept: a process meets a few of the
 * schemas, and compiling them all cost each process 3 to 5 s of CPU at start (the contracts' unit spec compiles every
 * one, so a schema that does not compile fails there). Build one per process and share it.
 */
export class MessageValidator {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    const ajv = new Ajv2020({
      strict: true,
      // `required` inside if/then names properties declared by the parent schema, which this check cannot see.
      strictRequired: false,
      allErrors: true,
    });
    addFormats(ajv);
    addContractKeywords(ajv);
    ajv.addSchema(Object.values(schemasById));
    this.ajv = ajv;
  }

  /** The violations of a value against one of the network's schemas; empty when it conforms. */
  validate(schemaId: SchemaId, value: unknown): Violation[] {
    const validate = this.validatorOf(schemaId);
    if (!validate) return [{ path: '', message: 'names no known schema' }];
    return validate(value) ? [] : toViolations(validate.errors);
  }

  /** The compiled schema, compiled now if this is its first use; undefined for an id that names no schema of ours. */
  private validatorOf(schemaId: string): ValidateFunction | undefined {
    const known = this.validators.get(schemaId);
    if (known || !Object.hasOwn(schemasById, schemaId)) return known;
    const validate = this.ajv.getSchema(schemaId);
    if (!validate) throw new Error(`Schema ${schemaId} did not compile`);
    this.validators.set(schemaId, validate);
    return validate;
  }

  isKnownType(type: string): type is MessageType {
    return isMessageType(type);
  }

  /** A header that conforms, names a known message type, and names that type's payload schema. */
  assertHeader(header: unknown): asserts header is EnvelopeHeaderV1 {
    this.assertConforms('envelope header', HEADER_SCHEMA, header);
    this.assertKnownType('envelope header', header as EnvelopeHeaderV1, '');
  }

  /** The signed content of an envelope: its header as in assertHeader, and a JWE payload (not opened here). */
  assertEnvelopeContent(content: unknown): asserts content is EnvelopeV1 {
    this.assertConforms('envelope', ENVELOPE_SCHEMA, content);
    this.assertKnownType('envelope', (content as EnvelopeV1).header, '/header');
  }

  /** The opened payload of a message of the given type. */
  assertPayload<T extends string>(type: T, payload: unknown): asserts payload is PayloadOf<T> {
    if (!isMessageType(type)) {
      throw new ContractViolation('payload', [{ path: '', message: 'has no known message type' }]);
    }
    this.assertConforms(`${type} payload`, MESSAGE_TYPES[type], payload);
  }

  assertDirectoryEntry(entry: unknown): asserts entry is DirectoryEntryV1 {
    this.assertConforms('directory entry', DIRECTORY_ENTRY_SCHEMA, entry);
  }

  private assertConforms(subject: string, schemaId: SchemaId, value: unknown): void {
    const violations = this.validate(schemaId, value);
    if (violations.length > 0) throw new ContractViolation(subject, violations);
  }

  private assertKnownType(subject: string, header: EnvelopeHeaderV1, at: string): void {
    if (!isMessageType(header.type)) {
      throw new ContractViolation(subject, [{ path: `${at}/type`, message: 'is not a known message type' }]);
    }
    if (header.schema !== MESSAGE_TYPES[header.type]) {
      throw new ContractViolation(subject, [
        { path: `${at}/schema`, message: 'must be the schema of the message type' },
      ]);
    }
  }
}
