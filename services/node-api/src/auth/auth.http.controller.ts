import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { rolesWith } from '@enlace/auth';
import type { NodeApiSchemas } from '@enlace/contracts';
import { LoginThrottlerGuard } from '@enlace/http';
import { ContractBodyPipe } from '../common/validation/contract-body.pipe';
import { AuthService, IssuedToken } from './auth.service';
import type { AuthenticatedUser } from './authenticated-user';
import { CurrentUser } from './current-user.decorator';
import { Public } from './public.decorator';
import { RequireRoles } from './roles.decorator';

type TokenRequest = NodeApiSchemas['TokenRequest'];
type CurrentUserView = NodeApiSchemas['CurrentUser'];

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

  /** A console signed in through the identity provider learns here what the node makes of its token. */
  @Get('me')
  @RequireRoles(...rolesWith('session.read'))
  me(@CurrentUser() user: AuthenticatedUser): CurrentUserView {
    return {
      username: user.username,
      country: user.country,
      roles: [...user.roles],
      ...(user.agency ? { agency: user.agency } : {}),
    };
  }
}
