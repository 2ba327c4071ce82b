import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { AuthenticatedUser } from './authenticated-user';
import { ROLES, Role } from '@enlace/auth';
import { tokenAudience, tokenIssuer } from './token-claims';

interface TokenPayload {
  sub?: unknown;
  country?: unknown;
  roles?: unknown;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(NODE_API_CONFIG) config: NodeApiConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      issuer: tokenIssuer(config.network),
      audience: tokenAudience(config.network),
      ignoreExpiration: false,
    });
  }

  validate(payload: TokenPayload): AuthenticatedUser | false {
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
    if (typeof payload.sub !== 'string' || typeof payload.country !== 'string') return false;
    return { username: payload.sub, country: payload.country, roles };
  }
}
