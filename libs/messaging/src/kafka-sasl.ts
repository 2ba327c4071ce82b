/** How a client proves who it is to the broker (SASL over the client listener). */
export interface KafkaSaslCredentials {
  readonly mechanism: 'scram-sha-512' | 'scram-sha-256' | 'plain';
  readonly username: string;
  readonly password: string;
}

const MECHANISMS: ReadonlyArray<KafkaSaslCredentials['mechanism']> = ['scram-sha-512', 'scram-sha-256', 'plain'];

/**
 * Reads KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD and KAFKA_SASL_MECHANISM (default scram-sha-512). None set: no
 * SASL (a broker without authentication). A user name without a password is a mistake, refused.
 */
export function kafkaSaslFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaSaslCredentials | undefined {
  const username = env['KAFKA_SASL_USERNAME']?.trim();
  if (!username) return undefined;
  const password = env['KAFKA_SASL_PASSWORD'];
  if (!password) throw new Error('KAFKA_SASL_PASSWORD is required when KAFKA_SASL_USERNAME is set');
  const mechanism = (env['KAFKA_SASL_MECHANISM']?.trim().toLowerCase() ||
    'scram-sha-512') as KafkaSaslCredentials['mechanism'];
  if (!MECHANISMS.includes(mechanism)) {
    throw new Error(`KAFKA_SASL_MECHANISM must be one of ${MECHANISMS.join(', ')}`);
  }
  return { mechanism, username, password };
}

/** The same credentials as environment variables, for a child process. */
export function kafkaSaslEnv(credentials: KafkaSaslCredentials): Record<string, string> {
  return {
    KAFKA_SASL_MECHANISM: credentials.mechanism,
    KAFKA_SASL_USERNAME: credentials.username,
    KAFKA_SASL_PASSWORD: credentials.password,
  };
}
