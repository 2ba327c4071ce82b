/**
 * Who the console offers a case's documents to, by the roles the token names (for display only: the node decides,
 * by ROLE_RIGHTS in libs/auth, on every call). `document.read` and `document.attach` are held by the same roles.
 */
const DOCUMENT_ROLES: readonly string[] = ['focal-point', 'case-worker', 'supervisor'];

export const canUseDocuments = (roles: readonly string[]): boolean =>
  roles.some((role) => DOCUMENT_ROLES.includes(role));
