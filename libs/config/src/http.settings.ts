import { integer, list, optionalText } from './env-setting';

/** Where a service's HTTP server listens, and what it accepts; `defaults` are the service's own. */
export function httpSettings(defaults: { port: number; bodyLimit: string }) {
  return {
    ENLACE_HTTP_HOST: optionalText({
      description:
        'The address the HTTP server listens on. The default, 127.0.0.1, accepts connections from this machine ' +
        'only: safe for the demo and behind a proxy on the same machine, but unreachable from anywhere else. In a ' +
        'container, or behind a load balancer or TLS terminator on another machine, set 0.0.0.0 (every IPv4 ' +
        'interface) or :: (IPv6 too), and let the proxy, not the world, reach it.',
      fallback: '127.0.0.1',
    }),
    ENLACE_HTTP_PORT: integer({ description: 'The port the HTTP server listens on.', fallback: defaults.port, min: 1 }),
    ENLACE_HTTP_BODY_LIMIT: optionalText({
      description: "The largest request body accepted, in the body parser's units (e.g. 256kb, 1mb).",
      fallback: defaults.bodyLimit,
    }),
    ENLACE_TRUSTED_PROXIES: list({
      description:
        "The proxies whose X-Forwarded-For names the client (Express's trust proxy: addresses, subnets, or " +
        "loopback), comma-separated. Behind the console's server or a TLS terminator every request would otherwise " +
        "come from the proxy, and one client's failed sign-ins would count against all. Unset: none is trusted.",
    }),
  };
}
