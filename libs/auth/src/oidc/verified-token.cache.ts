/** Tokens remembered at most: beyond, the oldest is forgotten (it is verified again on its next use). */
export const MAX_VERIFIED_TOKENS = 1_000;
/** How long a verified token is taken without verifying it again, at most (its own expiry comes first). */
export const VERIFIED_TOKEN_TTL_MS = 60_000;

/**
 * Bearer tokens already verified, with the user each stands for, so that a client sending the same token on every
 * request (every client does) has its signature checked once a minute instead of every time. Bounded in count and
 * in time: an entry lasts until the token expires or VERIFIED_TOKEN_TTL_MS pass, whichever comes first, so that a
 * signing key the identity provider withdraws stops counting within a minute. A token that was refused is never
 * remembered: it is checked again each time.
 */
export class VerifiedTokenCache<U> {
  private readonly entries = new Map<string, { readonly user: U; readonly until: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly max = MAX_VERIFIED_TOKENS,
    private readonly ttlMs = VERIFIED_TOKEN_TTL_MS,
  ) {}

  /** The user of a token verified before and not expired since, else undefined. */
  get(token: string): U | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.user;
  }

  /** Remembers a token just verified; `expiresAt` its `exp` claim (seconds), when it has one. */
  remember(token: string, user: U, expiresAt?: number): void {
    const now = this.now();
    const until = Math.min(now + this.ttlMs, expiresAt === undefined ? Infinity : expiresAt * 1000);
    if (until <= now) return;
    this.entries.delete(token);
    this.entries.set(token, { user, until });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
