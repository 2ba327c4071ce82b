import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { decoyPasswordHash, verifyPassword } from '@enlace/auth';
import { ProblemException } from '@enlace/http';
import { MONITOR_CONFIG, MonitorConfig } from '../config/monitor.config';
import { MonitorUserDirectory } from './monitor-user.directory';

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** The built-in development issuer (production validates the secretariat's identity provider instead). */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: MonitorUserDirectory,
    private readonly jwt: JwtService,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
  ) {}

  async issueToken(username: string, password: string): Promise<IssuedToken> {
    if (this.config.oidc) {
      // A monitor of the secretariat's identity provider issues no tokens of its own: none would be accepted anyway.
      throw new ProblemException({
        status: 404,
        title: 'Not Found',
        detail: 'This monitor takes tokens of the secretariat’s identity provider; it issues none.',
      });
    }
    const account = this.users.find(username);
    // The same answer, after the same work, for an unknown user and a wrong password: no hint of which accounts exist.
    const valid = await verifyPassword(password, account?.passwordHash ?? (await decoyPasswordHash()));
    if (!account || !valid) {
      throw new ProblemException({ status: 401, title: 'Unauthorized', detail: 'Unknown user or wrong password.' });
    }
    const accessToken = await this.jwt.signAsync(
      { roles: account.roles },
      { subject: account.username, expiresIn: this.config.tokenTtlSeconds },
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.tokenTtlSeconds };
  }
}
