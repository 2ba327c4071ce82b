const BASE64URL_32_BYTES = '^[A-Za-z0-9_-]{43}$';

/** Public OKP key of the given curve; extra JWK members (use, alg, ...) are allowed, private `d` is not. */
export function publicOkpJwkSchema(crv: string) {
  return {
    type: 'object',
    required: ['kty', 'crv', 'x'],
    properties: {
      kty: { const: 'OKP' },
      crv: { const: crv },
      x: { type: 'string', pattern: BASE64URL_32_BYTES },
      d: false,
    },
  } as const;
}

export function privateOkpJwkSchema(crv: string) {
  return {
    type: 'object',
    required: ['kty', 'crv', 'x', 'd'],
    properties: {
      kty: { const: 'OKP' },
      crv: { const: crv },
      x: { type: 'string', pattern: BASE64URL_32_BYTES },
      d: { type: 'string', pattern: BASE64URL_32_BYTES },
    },
  } as const;
}
