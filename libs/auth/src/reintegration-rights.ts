import { rolesWith } from './rights';

/**
 * The roles that hold each reintegration right, for `@RequireRoles(...ReintegrationRights.record)` on a route. A
 * reintegration is mostly work inside the receiving country; the steps that tell the sending country are checked
 * again, when they would send, against `case.answer`.
 */
export const ReintegrationRights = {
  decide: rolesWith('reintegration.decide'),
  record: rolesWith('reintegration.record'),
} as const;
