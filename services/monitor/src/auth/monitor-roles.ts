import { Role } from '@enlace/auth';

/** Who may read the monitor: the secretariat, auditors, and the supervisors who may also redrive. */
export const READ_ROLES: readonly Role[] = ['secretariat', 'auditor', 'supervisor'];
/** Redrive writes bytes back on a country's inbox: a supervisor's decision, audited. */
export const REDRIVE_ROLES: readonly Role[] = ['supervisor'];
