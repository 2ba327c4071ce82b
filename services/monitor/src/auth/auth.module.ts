import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { MONITOR_CONFIG, MonitorConfig } from '../config/monitor.config';
import { AuthHttpController } from './auth.http.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { MonitorUserDirectory } from './monitor-user.directory';
import { RolesGuard } from './roles.guard';
import { tokenAudience, tokenIssuer } from './token-claims';

/** Bearer tokens on every route (unless @Public), then the route's roles. */
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [MONITOR_CONFIG],
      useFactory: (config: MonitorConfig) => ({
        secret: config.jwtSecret,
        signOptions: {
          algorithm: 'HS256',
          issuer: tokenIssuer(config.network),
          audience: tokenAudience(config.network),
        },
      }),
    }),
  ],
  controllers: [AuthHttpController],
  providers: [
    {
      provide: MonitorUserDirectory,
      inject: [MONITOR_CONFIG],
      useFactory: (config: MonitorConfig) => MonitorUserDirectory.load(config.usersFile),
    },
    AuthService,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
})
export class AuthModule {}
