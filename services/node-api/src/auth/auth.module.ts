import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { AccessGuard } from './access.guard';
import { AuthService } from './auth.service';
import { AuthHttpController } from './auth.http.controller';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { tokenAudience, tokenIssuer } from './token-claims';
import { UserDirectory } from './user-directory';

/** Bearer tokens on every route (unless @Public), then the node's country and the route's roles. */
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [NODE_API_CONFIG],
      useFactory: (config: NodeApiConfig) => ({
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
      provide: UserDirectory,
      inject: [NODE_API_CONFIG],
      useFactory: (c: NodeApiConfig) => UserDirectory.load(c.usersFile),
    },
    AuthService,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AuthModule {}
