// A PostgreSQL server holds many databases: one per node, one per test. Programs are given the server's URL and
// make from it the URL of the database they use, keeping the user, password, host, port and options.

/**
 * The URL of the same server with another database: `withDatabase('postgres://enlace@127.0.0.1:15432/postgres',
 * 'enlace_co')` is `postgres://enlace@127.0.0.1:15432/enlace_co`. Query options (sslmode, host=<socket folder>)
 * are kept.
 */
export function withDatabase(serverUrl: string, name: string): string {
  if (name === '') throw new Error('a database name is needed');
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    // the URL may hold a password: it is not repeated in the message
    throw new Error('not a URL (expected postgres://user@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`not a PostgreSQL URL (scheme ${url.protocol}, expected postgres: or postgresql:)`);
  }
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}
