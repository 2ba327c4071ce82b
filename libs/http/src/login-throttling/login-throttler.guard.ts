import { type ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';

/** Sign-in refused for now: a budget of attempts is spent (the problem's title comes from this class's name). */
export class TooManyLoginAttemptsException extends HttpException {
  constructor() {
    super('Too many sign-in attempts; try again after the time given in Retry-After.', HttpStatus.TOO_MANY_REQUESTS);
    this.name = 'TooManyLoginAttemptsException';
  }
}

/**
 * Guards a sign-in route with the budgets of loginThrottlers (ThrottlerModule's options). A refusal carries one
 * plain Retry-After (the throttlers' own headers are off: they would be suffixed with each budget's name, and would
 * tell anyone how much of the budget of all attempts is left).
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const response = context.switchToHttp().getResponse<{ header(name: string, value: string): unknown }>();
    response.header('Retry-After', String(Math.max(1, Math.ceil(detail.timeToBlockExpire))));
    throw new TooManyLoginAttemptsException();
  }
}
