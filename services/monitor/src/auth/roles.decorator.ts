import { SetMetadata } from '@nestjs/common';
import { Role } from '@enlace/auth';

export const REQUIRED_ROLES = 'enlace:requiredRoles';

/** The roles of which the caller needs at least one (READ_ROLES when a route names none). */
export const RequireRoles = (...roles: readonly Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);
