import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a webhook's receiver checks: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'x-enlace-signature';

export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/**
 * What a receiver does (and the tests do as one): the signature is over the time and the body, so neither can be
 * changed, and a receiver refuses one older than `toleranceS` so that a captured request cannot be replayed later.
 */
export function verifyWebhook(secret: string, body: string, header: string, now: Date, toleranceS = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts['t']);
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceS || !parts['v1']) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(parts['v1']);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
