import type { KeyObject } from 'node:crypto';
import { InvalidCompactJoseError } from './invalid-compact-jose.error';

/** What jose checks of a key before using it: its curve and whether it is the public or the private half. */
export function assertKeyType(key: KeyObject, curve: 'x25519' | 'ed25519', type: 'public' | 'private'): void {
  if (key.type !== type || key.asymmetricKeyType !== curve) {
    throw new InvalidCompactJoseError(`The key is not an ${curve} ${type} key`);
  }
}
