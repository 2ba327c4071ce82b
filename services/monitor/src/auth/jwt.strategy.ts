import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ROLES, Role } from '@enlace/auth';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { MONITOR_CONFIG, MonitorConfig } from '../config/monitor.config';
import { AuthenticatedMonitorUser } from './authenticated-monitor-user';
import { tokenAudience, tokenIssuer } from './token-claims';

interface TokenPayload {
  sub?: unknown;
  roles?: unknown;
  exp?: unknown;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(MONITOR_CONFIG) config: MonitorConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      issuer: tokenIssuer(config.network),
      audience: tokenAudience(config.network),
      ignoreExpiration: false,
    });
  }

  validate(payload: TokenPayload): AuthenticatedMonitorUser | false {
    if (typeof payload.sub !== 'string') return false;
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
    return {
      username: payload.sub,
      roles,
      ...(typeof payload.exp === 'number' && { expiresAt: payload.exp * 1000 }),
    };
  }
}
