import { ENVELOPE_JWS_ALG, PAYLOAD_JWE_ALG } from '../envelope-wire.constants';

/** Curves of the two key uses, and the JOSE algorithm each key is imported for. */
export const NODE_KEY_CURVES = { signing: 'Ed25519', encryption: 'X25519' } as const;
export const NODE_KEY_ALGORITHMS = { signing: ENVELOPE_JWS_ALG, encryption: PAYLOAD_JWE_ALG } as const;
