import { kafkaSaslOf, kafkaSaslSchema, type KafkaSaslSettings } from '@enlace/config';

/** How a client proves who it is to the broker (SASL over the client listener). */
export type KafkaSaslCredentials = KafkaSaslSettings;

/**
 * Reads KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD and KAFKA_SASL_MECHANISM (default scram-sha-512) by the shared
 * schema of @enlace/config. None set: no SASL (a broker without authentication). A user name without a password is a
 * mistake, refused.
 */
export function kafkaSaslFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaSaslCredentials | undefined {
  return kafkaSaslOf(kafkaSaslSchema.read(env));
}

/** The same credentials as environment variables, for a child process. */
export function kafkaSaslEnv(credentials: KafkaSaslCredentials): Record<string, string> {
  return {
    KAFKA_SASL_MECHANISM: credentials.mechanism,
    KAFKA_SASL_USERNAME: credentials.username,
    KAFKA_SASL_PASSWORD: credentials.password,
  };
}
