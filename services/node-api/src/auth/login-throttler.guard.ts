import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ProblemException } from '../common/problem-details/problem.exception';

interface LoginRequest {
  ip?: string;
  body?: { username?: unknown };
}

/**
 * Login attempts are counted per username and client address: guessing one user's password from one place is
 * slowed down, while other users, and the same user elsewhere, can still sign in. The key is a digest, so the
 * counter's memory holds no usernames.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: LoginRequest): Promise<string> {
    const username = typeof request.body?.username === 'string' ? request.body.username.slice(0, 256) : '';
    return createHash('sha256')
      .update(`${request.ip ?? ''}\u0000${username.toLowerCase()}`)
      .digest('base64url');
  }

  protected override async throwThrottlingException(): Promise<void> {
    // The guard has set Retry-After already; the answer is problem+json like every other error.
    throw new ProblemException({
      status: 429,
      title: 'Too Many Requests',
      detail: 'Too many login attempts; try again after the time given in Retry-After.',
    });
  }
}
