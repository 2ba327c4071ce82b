import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '@enlace/http';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { AuthenticatedUser } from './authenticated-user';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';
import { Role } from '@enlace/auth';

/**
 * A node serves its own country's users only: a user of another country never reads this country's cases
 * through this API, whatever their role. Then the route's roles apply.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (!user || user.country !== this.config.country) {
      throw new ProblemException({
        status: 403,
        title: 'Forbidden',
        detail: `This node serves users of ${this.config.country} only.`,
      });
    }
    const required = this.reflector.getAllAndOverride<readonly Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((role) => user.roles.includes(role))) {
      throw new ProblemException({
        status: 403,
        title: 'Forbidden',
        detail: `This operation needs one of the roles: ${required.join(', ')}.`,
      });
    }
    return true;
  }
}
