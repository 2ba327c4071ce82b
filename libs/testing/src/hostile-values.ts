import fc from 'fast-check';

/**
 * Strings an attacker would try in any field, path segment or query parameter: NoSQL operators, prototype
 * pollution, SQL, path traversal, control characters, and very long or unusual Unicode.
 */
export const INJECTION_STRINGS: readonly string[] = [
  '$where',
  '{"$gt":""}',
  '{"$ne":null}',
  '$regex',
  'this.constructor.constructor("return process")().exit()',
  '__proto__',
  'constructor',
  'prototype',
  "' OR '1'='1' --",
  '1; DROP TABLE referrals; --',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '\u0000',
  '\r\nSet-Cookie: x=y',
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '\uD800',
  '\u202Eevil',
  '𝕏'.repeat(5_000),
  'é'.repeat(20_000),
  'a'.repeat(70_000),
];

/** JSON values built to reach a database or an object's prototype instead of a field. */
export const INJECTION_OBJECTS: readonly unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000)' },
  { $regex: '.*' },
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  { constructor: { prototype: { polluted: true } } },
  [{ $gt: '' }],
];

export const injectionString = (): fc.Arbitrary<string> => fc.constantFrom(...INJECTION_STRINGS);

/** A hostile JSON value: an injection string or object, or something of the wrong type altogether. */
export const hostileJsonValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    injectionString(),
    fc.constantFrom(...INJECTION_OBJECTS),
    fc.constantFrom(null, true, 0, -1, 1e308, '', [], {}),
    fc.jsonValue({ maxDepth: 3 }),
  );
