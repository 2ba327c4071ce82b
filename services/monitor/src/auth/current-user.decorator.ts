import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticatedMonitorUser } from './authenticated-monitor-user';

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedMonitorUser =>
    context.switchToHttp().getRequest<{ user: AuthenticatedMonitorUser }>().user,
);
