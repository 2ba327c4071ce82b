import type { EnvReader } from '@enlace/config';

/**
 * The proxies whose X-Forwarded-For names the client (Express's `trust proxy`: addresses, subnets, or `loopback`):
 * behind the console's server or a TLS terminator, every request would otherwise come from the proxy, and one
 * client's failed sign-ins would count against all. None by default: a header anyone can write is trusted only from
 * the proxies named here.
 */
export function readTrustedProxies(read: EnvReader): string[] | false {
  const proxies = read.optional('ENLACE_TRUSTED_PROXIES') === undefined ? [] : read.list('ENLACE_TRUSTED_PROXIES');
  return proxies.length > 0 ? proxies : false;
}
