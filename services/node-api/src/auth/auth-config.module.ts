import { Module } from '@nestjs/common';
import { readAuthConfig } from './auth.config';
import { AUTH_CONFIG } from './auth.tokens';

/** The authentication settings, read once; a module of their own so that the throttler can be built from them. */
@Module({
  providers: [{ provide: AUTH_CONFIG, useFactory: () => readAuthConfig() }],
  exports: [AUTH_CONFIG],
})
export class AuthConfigModule {}
