/** SQLSTATE classes and codes that say the server is away, restarting or busy, not that the command is wrong. */
const TRANSIENT_STATES = new Set(['57P01', '57P02', '57P03', '53300', '53400', '40001', '40P01', '55P03']);
const TRANSIENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Whether an error says the database is away or busy for now (connection refused or broken, the server shutting
 * down, too many connections, a serialization failure or deadlock to retry): worth trying again later, never a
 * reason to set a message aside. An error answering the command itself (a constraint, bad input) is not transient.
 */
export function isTransientStoreFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('08') || TRANSIENT_STATES.has(code) || TRANSIENT_SOCKET_CODES.has(code)) return true;
  }
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(
    error.message,
  );
}
