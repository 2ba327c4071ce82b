import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import type { MonitorApiSchemas } from '@enlace/contracts';
import { LoginThrottlerGuard } from '@enlace/http';
import { ContractBodyPipe } from '../common/validation/contract-body.pipe';
import { AuthService, IssuedToken } from './auth.service';
import type { AuthenticatedMonitorUser } from './authenticated-monitor-user';
import { CurrentUser } from './current-user.decorator';
import { Public } from './public.decorator';

type TokenRequest = MonitorApiSchemas['TokenRequest'];
type MonitorUserView = MonitorApiSchemas['MonitorUser'];

@Controller('auth')
export class AuthHttpController {
  constructor(private readonly auth: AuthService) {}

  @Post('token')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(200)
  async token(@Body(new ContractBodyPipe('TokenRequest')) body: TokenRequest): Promise<IssuedToken> {
    return this.auth.issueToken(body.username, body.password);
  }

  /** A console signed in through the identity provider learns here what the monitor makes of its token. */
  @Get('me')
  me(@CurrentUser() user: AuthenticatedMonitorUser): MonitorUserView {
    return { username: user.username, roles: [...user.roles] };
  }
}
