import { rolesWith } from './rights';

/** The roles that hold each intake right, for `@RequireRoles(...IntakeRights.screen)` on a controller's route. */
export const IntakeRights = {
  record: rolesWith('intake.record'),
  read: rolesWith('intake.read'),
  screen: rolesWith('intake.screen'),
  convert: rolesWith('intake.convert'),
} as const;
