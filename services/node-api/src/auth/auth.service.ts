import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { ProblemException } from '@enlace/http';
import { decoyPasswordHash, verifyPassword } from '@enlace/auth';
import { AuthConfig } from './auth.config';
import { AUTH_CONFIG } from './auth.tokens';
import { UserDirectory } from './user-directory';

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** The built-in development issuer (production validates the country's identity provider instead). */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserDirectory,
    private readonly jwt: JwtService,
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
    @Inject(AUTH_CONFIG) private readonly auth: AuthConfig,
  ) {}

  async issueToken(username: string, password: string): Promise<IssuedToken> {
    if (this.auth.oidc) {
      // A node of a country's identity provider issues no tokens of its own: none would be accepted anyway.
      throw new ProblemException({
        status: 404,
        title: 'Not Found',
        detail: 'This node takes tokens of its country’s identity provider; it issues none.',
      });
    }
    const account = this.users.find(username);
    // The same answer, after the same work, for an unknown user and a wrong password: no hint of which accounts exist.
    const valid = await verifyPassword(password, account?.passwordHash ?? (await decoyPasswordHash()));
    if (!account || !valid) {
      throw new ProblemException({ status: 401, title: 'Unauthorized', detail: 'Unknown user or wrong password.' });
    }
    const accessToken = await this.jwt.signAsync(
      { country: account.country, roles: account.roles, ...(account.agency ? { agency: account.agency } : {}) },
      { subject: account.username, expiresIn: this.config.tokenTtlSeconds },
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.tokenTtlSeconds };
  }
}
