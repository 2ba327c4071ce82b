import type { KeyObject } from 'node:crypto';
import { signEd25519Jws } from '../compact/ed25519-jws';
import { ENVELOPE_JWS_ALG } from '../envelope-wire.constants';
import { keyObjectOf } from '../keys/key-object';
import type { NodeKeys } from '../keys/node-keys.types';
import { importPrivateKey } from '../keys/private-key';

/**
 * Signs what a node says in clear to the whole network (a statistics report): a JWS compact serialization (EdDSA)
 * with the node's envelope signing key, so that anyone holding the directory can tell which node said it and that
 * nothing was changed. The payload names its country; NodeStatementVerifier checks the key is that country's.
 */
export class NodeStatementSigner {
  private signingKey?: Promise<KeyObject>;

  constructor(private readonly keys: NodeKeys) {}

  async sign(typ: string, statement: { country: string } & Record<string, unknown>): Promise<string> {
    if (statement.country !== this.keys.country) {
      throw new Error(`a node of ${this.keys.country} cannot sign a statement of ${statement.country}`);
    }
    this.signingKey ??= importPrivateKey(this.keys.signing, ENVELOPE_JWS_ALG).then((key) =>
      keyObjectOf(key, 'ed25519', 'private'),
    );
    return signEd25519Jws(
      { alg: ENVELOPE_JWS_ALG, typ, kid: this.keys.signing.kid },
      Buffer.from(JSON.stringify(statement), 'utf8'),
      await this.signingKey,
    );
  }
}
