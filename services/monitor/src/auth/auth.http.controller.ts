import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { MonitorApiSchemas } from '@enlace/contracts';
import { ContractBodyPipe } from '../common/validation/contract-body.pipe';
import { AuthService, IssuedToken } from './auth.service';
import { Public } from './public.decorator';

type TokenRequest = MonitorApiSchemas['TokenRequest'];

@Controller('auth')
export class AuthHttpController {
  constructor(private readonly auth: AuthService) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  async token(@Body(new ContractBodyPipe('TokenRequest')) body: TokenRequest): Promise<IssuedToken> {
    return this.auth.issueToken(body.username, body.password);
  }
}
