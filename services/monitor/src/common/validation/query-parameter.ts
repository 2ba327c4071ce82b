import { Query } from '@nestjs/common';
import { ContractParameterPipe } from './contract-parameter.pipe';

/** A query parameter checked against the schema the contract gives it, e.g. `#/components/schemas/CountryCode`. */
export const QueryParameter = (name: string, schema: string): ParameterDecorator =>
  Query(name, new ContractParameterPipe(schema, name));

/** An integer query parameter, read as a number (text that is not one fails the schema as it is). */
export const IntegerQueryParameter = (name: string, schema: string): ParameterDecorator =>
  Query(name, new ContractParameterPipe(schema, name, (text) => (/^-?[0-9]+$/.test(text) ? Number(text) : text)));
