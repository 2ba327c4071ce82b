import { ProblemException } from '@enlace/http';
import { apiRequestValidator } from '../validation/api-request.validator';
import { decodeListCursor } from './list-cursor';

/** Where a parameter's schema is in node-api's contract, by the parameter's component name. */
export const parameterSchema = (name: string): string => `#/components/parameters/${name}/schema`;

/**
 * Reads the query parameters of a paged list, each checked against its schema in node-api's contract: a bad one is
 * answered 400 naming it, never ignored or cut to fit; a parameter given twice is refused. Every paged list's pipe
 * reads its query through this one reader, so that they answer alike.
 */
export class ListQueryReader {
  private readonly query: Readonly<Record<string, unknown>>;

  constructor(raw: unknown) {
    this.query = (raw ?? {}) as Record<string, unknown>;
  }

  /** The parameter as given, when it matches the schema at `schema` (a JSON pointer into the contract). */
  text(name: string, schema: string): string | undefined {
    const value = this.query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw badListParameter(name, 'must be given once');
    const violation = apiRequestValidator.validate(schema, value)[0];
    if (violation) throw badListParameter(name, violation.message);
    return value;
  }

  /** An instant (its schema says date-time). */
  instant(name: string, schema: string): Date | undefined {
    const value = this.text(name, schema);
    return value === undefined ? undefined : new Date(value);
  }

  /** true or false, as written. */
  flag(name: string): boolean | undefined {
    const value = this.query[name];
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') throw badListParameter(name, 'must be true or false');
    return value === 'true';
  }

  /** The page's size (ListLimit), or `fallback`. */
  limit(fallback: number): number {
    const text = this.query['limit'];
    if (text === undefined) return fallback;
    if (typeof text !== 'string') throw badListParameter('limit', 'must be given once');
    const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
    const violation = apiRequestValidator.validate(parameterSchema('ListLimit'), value)[0];
    if (violation) throw badListParameter('limit', violation.message);
    return value;
  }

  /** The position of `cursor`, which must be one this node made for the same sort and filters (`digest`). */
  cursor<P>(sort: string, digest: string, isPosition: (position: unknown) => position is P): P | undefined {
    const cursor = this.text('cursor', parameterSchema('ListCursor'));
    if (cursor === undefined) return undefined;
    const position = decodeListCursor(cursor, sort, digest, isPosition);
    if (position === undefined) {
      throw badListParameter('cursor', 'must be the nextCursor of a page of this list, with the same filters and sort');
    }
    return position;
  }

  /** Refuses (422, naming `toName`) a range whose end is not after its start. */
  static range(from: Date | undefined, to: Date | undefined, fromName: string, toName: string): void {
    if (from && to && to.getTime() <= from.getTime()) {
      throw new ProblemException({
        status: 422,
        title: 'Unprocessable Content',
        detail: `The parameter ${toName} is not after ${fromName}.`,
        errors: [{ field: toName, message: `must be after ${fromName}` }],
      });
    }
  }
}

/** 400, naming the parameter and what is wrong with it. */
export function badListParameter(name: string, message: string): ProblemException {
  return new ProblemException({
    status: 400,
    title: 'Bad Request',
    detail: `The parameter ${name} is not valid.`,
    errors: [{ field: name, message }],
  });
}
