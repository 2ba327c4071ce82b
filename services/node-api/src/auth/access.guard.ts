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
 * through this API, whatever their role; and each user works for one of the node's agencies (the gateway agency
 * when the token names none), which the guard sets on the user for what the handler reads. Then the route's roles
 * apply.
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
    const request = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>();
    const user = request.user;
    if (!user || user.country !== this.config.country) {
      throw new ProblemException({
        status: 403,
        title: 'Forbidden',
        detail: `This node serves users of ${this.config.country} only.`,
      });
    }
    const agency = user.agency ?? this.config.gatewayAgency;
    if (!this.config.agencies.includes(agency)) {
      throw new ProblemException({
        status: 403,
        title: 'Forbidden',
        detail: 'The agency the token names is not one of this node’s.',
      });
    }
    request.user = { ...user, agency };
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
