import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoginThrottlerGuard, loginThrottlers } from '@enlace/http';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { AccessGuard } from './access.guard';
import { AuthConfig } from './auth.config';
import { AuthConfigModule } from './auth-config.module';
import { AuthService } from './auth.service';
import { AuthHttpController } from './auth.http.controller';
import { AUTH_CONFIG } from './auth.tokens';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { developmentTokenKey, tokenAudience, tokenIssuer } from '@enlace/auth';
import { UserDirectory } from './user-directory';

/**
 * Bearer tokens on every route (unless @Public) — the country's identity provider's or the development issuer's —
 * then the node's country and the route's roles; login attempts rate-limited per username and address.
 */
@Module({
  imports: [
    AuthConfigModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [NODE_API_CONFIG],
      useFactory: (config: NodeApiConfig) => ({
        // The key object made once: jsonwebtoken would make one of the secret for every token it signs. None when
        // the country's identity provider issues the tokens: the development issuer is off.
        ...(config.jwtSecret !== undefined && { privateKey: developmentTokenKey(config.jwtSecret) }),
        signOptions: {
          algorithm: 'HS256',
          issuer: tokenIssuer(config.network),
          audience: tokenAudience(config.network),
        },
      }),
    }),
    ThrottlerModule.forRootAsync({
      imports: [AuthConfigModule],
      inject: [AUTH_CONFIG],
      useFactory: (auth: AuthConfig) => loginThrottlers(auth.loginBudgets),
    }),
  ],
  controllers: [AuthHttpController],
  providers: [
    {
      provide: UserDirectory,
      inject: [NODE_API_CONFIG],
      useFactory: (c: NodeApiConfig) =>
        c.usersFile === undefined ? UserDirectory.empty() : UserDirectory.load(c.usersFile),
    },
    AuthService,
    JwtStrategy,
    LoginThrottlerGuard,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AuthModule {}
