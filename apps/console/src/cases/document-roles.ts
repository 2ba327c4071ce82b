/**
 * Who the console offers a case's documents to, by the roles the token names (for display only: the node decides,
 * by ROLE_RIGHTS in libs/auth, on every call). Reading is `document.read`; attaching is `document.attach`, a focal
 * point's alone since an attached document travels to the other country.
 */
const DOCUMENT_READERS: readonly string[] = ['focal-point', 'case-worker', 'supervisor'];
const DOCUMENT_SENDERS: readonly string[] = ['focal-point'];

export const canUseDocuments = (roles: readonly string[]): boolean =>
  roles.some((role) => DOCUMENT_READERS.includes(role));

export const canAttachDocuments = (roles: readonly string[]): boolean =>
  roles.some((role) => DOCUMENT_SENDERS.includes(role));
