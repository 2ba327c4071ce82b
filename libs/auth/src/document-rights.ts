import { rolesWith } from './rights';

/** The roles that hold each document right, for `@RequireRoles(...DocumentRights.read)` on a controller's route. */
export const DocumentRights = {
  attach: rolesWith('document.attach'),
  read: rolesWith('document.read'),
} as const;
