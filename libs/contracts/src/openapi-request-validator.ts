import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { addContractKeywords } from './contract-keywords';
import { toViolations } from './ajv-violations';
import type { Violation } from './contract-violation.error';

type SchemaNode = { [keyword: string]: unknown };

const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;

/**
 * Checks request bodies and parameters against the component schemas of one OpenAPI document of contracts/openapi,
 * the same document its Swagger UI shows, so that an API accepts exactly what it documents. A schema is compiled the
 * first time it is used, then kept (compiling them all took a second or more of CPU at every start). Build one per
 * document and share it.
 */
export class OpenApiRequestValidator {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly componentNames: ReadonlySet<string>;

  /** `documentId` is a URN that names the document inside ajv (refs resolve against it). */
  constructor(
    private readonly document: { readonly [key: string]: unknown },
    private readonly documentId: string,
    private readonly title: string,
  ) {
    this.ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(this.ajv);
    addContractKeywords(this.ajv);
    const components = document.components as { schemas: Record<string, SchemaNode> };
    // Component schemas become $defs of one schema, so that their refs resolve without the rest of the document.
    this.ajv.addSchema({ $id: documentId, $defs: this.withAbsoluteRefs(components.schemas) });
    this.componentNames = new Set(Object.keys(components.schemas));
  }

  /**
   * The violations of a value against a component schema, named (`CreateReferralRequest`) or by a JSON Pointer into
   * the document (`#/components/parameters/ReferralId/schema`); empty when it conforms. Paths point into the value.
   */
  validate(schema: string, value: unknown): Violation[] {
    const validate = this.validatorFor(schema);
    return validate(value) ? [] : toViolations(validate.errors);
  }

  private validatorFor(schema: string): ValidateFunction {
    const name = schema.replace(COMPONENT_REF, '$1');
    const known = this.validators.get(schema) ?? this.validators.get(name);
    if (known) return known;
    if (this.componentNames.has(name)) {
      const validate = this.ajv.compile({ $ref: `${this.documentId}#/$defs/${name}` });
      this.validators.set(name, validate);
      return validate;
    }
    const found = schema.startsWith('#/') ? this.resolvePointer(schema) : undefined;
    // A schema name is chosen by code, not by a client: an unknown one is a bug to fail loudly on.
    if (found === null || typeof found !== 'object')
      throw new Error(`The ${this.title} document has no schema ${schema}`);
    const validate = this.ajv.compile(this.withAbsoluteRefs(found as SchemaNode));
    this.validators.set(schema, validate);
    return validate;
  }

  private withAbsoluteRefs<T>(node: T): T {
    if (Array.isArray(node)) return node.map((item: unknown) => this.withAbsoluteRefs(item)) as T;
    if (node === null || typeof node !== 'object') return node;
    const copy: SchemaNode = {};
    for (const [key, value] of Object.entries(node as SchemaNode)) {
      copy[key] =
        key === '$ref' && typeof value === 'string'
          ? value.replace(COMPONENT_REF, `${this.documentId}#/$defs/$1`)
          : this.withAbsoluteRefs(value);
    }
    return copy as T;
  }

  private resolvePointer(pointer: string): unknown {
    return pointer
      .slice(2)
      .split('/')
      .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>(
        (node, key) => (node !== null && typeof node === 'object' ? (node as SchemaNode)[key] : undefined),
        this.document,
      );
  }
}
