/** `typ` of the outer JWS: lets a reader tell an envelope from any other JWS signed with the same key. */
export const ENVELOPE_JWS_TYP = 'enlace-envelope+jws';
export const ENVELOPE_JWS_ALG = 'EdDSA';
export const PAYLOAD_JWE_ALG = 'ECDH-ES';
export const PAYLOAD_JWE_ENC = 'A256GCM';
/**
 * JWE protected-header parameters that bind the payload to the envelope it was sealed in: without them another
 * member could re-sign an intercepted payload as its own message. They are authenticated by A256GCM.
 */
export const PAYLOAD_FROM_PARAM = 'enlace-from';
export const PAYLOAD_ENVELOPE_ID_PARAM = 'enlace-envelope-id';
