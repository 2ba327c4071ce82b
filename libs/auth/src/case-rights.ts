import { rolesWith } from './rights';

/** The roles that hold each case right, for `@RequireRoles(...CaseRights.write)` on a controller's route. */
export const CaseRights = {
  read: rolesWith('case.read'),
  write: rolesWith('case.write'),
  answer: rolesWith('case.answer'),
  share: rolesWith('case.share'),
} as const;
