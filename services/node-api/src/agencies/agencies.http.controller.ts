import { Controller, Get } from '@nestjs/common';
import { rolesWith } from '@enlace/auth';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { RequireRoles } from '../auth/roles.decorator';
import { AgencyScope } from './agency-scope';
import type { NodeAgenciesView } from './dto/case-sharing.view';

/** The node's agencies, for a console that offers to share a case. */
@Controller('agencies')
export class AgenciesHttpController {
  constructor(private readonly scope: AgencyScope) {}

  @Get()
  @RequireRoles(...rolesWith('session.read'))
  list(@CurrentUser() user: AuthenticatedUser): NodeAgenciesView {
    return {
      agencies: [...this.scope.agencies],
      gateway: this.scope.gatewayAgency,
      yours: user.agency ?? this.scope.gatewayAgency,
    };
  }
}
