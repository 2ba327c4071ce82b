import { KeyObject, createSecretKey } from 'node:crypto';

/**
 * The development issuer's HS256 key, made once from its secret. Given the secret as a string, jsonwebtoken makes a
 * key object of it on every token it signs or verifies (7.6 % of node-api's CPU under load); given the key object,
 * it uses it as it is.
 */
export function developmentTokenKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}
