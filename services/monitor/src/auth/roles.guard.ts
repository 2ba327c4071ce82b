import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '@enlace/auth';
import { ProblemException } from '@enlace/http';
import { AuthenticatedMonitorUser } from './authenticated-monitor-user';
import { READ_ROLES } from './monitor-roles';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';

/** The route's roles, or the reading roles when it names none: a country's user has no business here. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedMonitorUser }>().user;
    const required =
      this.reflector.getAllAndOverride<readonly Role[] | undefined>(REQUIRED_ROLES, targets) ?? READ_ROLES;
    if (!user || !required.some((role) => user.roles.includes(role))) {
      throw new ProblemException({
        status: 403,
        title: 'Forbidden',
        detail: `This operation needs one of the roles: ${required.join(', ')}.`,
      });
    }
    return true;
  }
}
