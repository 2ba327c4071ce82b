/** JWS protected header of a signed directory entry: `{ alg, typ, kid }`, kid naming the trust anchor's key. */
export const DIRECTORY_ENTRY_JWS_ALG = 'EdDSA';
export const DIRECTORY_ENTRY_JWS_TYP = 'enlace-directory-entry+jws';
