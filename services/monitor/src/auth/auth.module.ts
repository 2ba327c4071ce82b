import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoginThrottlerGuard, loginThrottlers } from '@enlace/http';
import { MONITOR_CONFIG, MonitorConfig } from '../config/monitor.config';
import { AuthHttpController } from './auth.http.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { MonitorUserDirectory } from './monitor-user.directory';
import { RolesGuard } from './roles.guard';
import { tokenAudience, tokenIssuer } from './token-claims';

/**
 * Bearer tokens on every route (unless @Public) — the secretariat's identity provider's or the development issuer's —
 * then the route's roles; sign-in within its budgets.
 */
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [MONITOR_CONFIG],
      useFactory: (config: MonitorConfig) => ({
        // None when the secretariat's identity provider issues the tokens: the development issuer is off.
        ...(config.jwtSecret !== undefined && { secret: config.jwtSecret }),
        signOptions: {
          algorithm: 'HS256',
          issuer: tokenIssuer(config.network),
          audience: tokenAudience(config.network),
        },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [MONITOR_CONFIG],
      useFactory: (config: MonitorConfig) => loginThrottlers(config.loginBudgets),
    }),
  ],
  controllers: [AuthHttpController],
  providers: [
    {
      provide: MonitorUserDirectory,
      inject: [MONITOR_CONFIG],
      useFactory: (config: MonitorConfig) =>
        config.usersFile === undefined ? MonitorUserDirectory.empty() : MonitorUserDirectory.load(config.usersFile),
    },
    AuthService,
    JwtStrategy,
    LoginThrottlerGuard,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
})
export class AuthModule {}
