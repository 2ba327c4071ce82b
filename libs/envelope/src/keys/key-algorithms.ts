/** Curves of the two key uses. */
export const NODE_KEY_CURVES = { signing: 'Ed25519', encryption: 'X25519' } as const;
