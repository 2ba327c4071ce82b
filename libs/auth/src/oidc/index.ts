export * from './oidc.settings';
export * from './development-issuer.rules';
export * from './oidc-config';
export * from './role-map';
export * from './oidc-claims';
export * from './oidc-signing-keys';
export * from './oidc-jwt-options';
export * from './verified-token.cache';
