/** The shape of @enlace/messaging's KafkaSaslCredentials (this lib cannot import messaging: its tests use this lib). */
export interface TestKafkaSasl {
  mechanism: 'scram-sha-512' | 'scram-sha-256' | 'plain';
  username: string;
  password: string;
}

/** Where the real broker and database of an integration test run are, and what of them a test may inspect. */
export interface TestInfra {
  kafkaBrokers: string;
  /** The broker's super user, when it authenticates (the local one does): tests act as the network's operator. */
  kafkaSasl?: TestKafkaSasl;
  /**
   * The broker's SASL_SSL listener and the certificate authority to trust for it (a PEM file), when the broker is a
   * local process of ours started with one: tests of the link over TLS use it, or start a broker of their own.
   */
  kafkaTls?: { brokers: string; caFile: string };
  /** The broker's jars, when it is a local process of ours (to create SCRAM users of a test network). */
  kafkaLibsDir?: string;
  /**
   * The PostgreSQL server, on its maintenance database: a test makes a database of its own there (deploy/local's
   * ensureDatabase) and connects to it through withDatabase(databaseUrl, name).
   */
  databaseUrl: string;
  /** The (first) broker's log.dirs, when the broker is a local process of ours. */
  kafkaDataDir?: string;
  /** Every local broker's log.dirs (more than one on a local cluster), when the brokers are local processes of ours. */
  kafkaDataDirs?: string[];
  /** How many brokers the local cluster has, when it is ours (topics of a test network get that many copies). */
  kafkaClusterSize?: number;
  /** PostgreSQL's data folder, when the server is a local process of ours. */
  postgresDataDir?: string;
}

/**
 * The real Kafka and PostgreSQL that `npm run test:int` started (it passes ENLACE_INFRA_JSON), or the ones named by
 * KAFKA_BROKERS, DATABASE_URL and KAFKA_SASL_*. Never a mock of either.
 */
export function testInfra(env: NodeJS.ProcessEnv = process.env): TestInfra {
  const described = env['ENLACE_INFRA_JSON'];
  if (described) return JSON.parse(described) as TestInfra;
  const kafkaBrokers = env['KAFKA_BROKERS'];
  const databaseUrl = env['DATABASE_URL'];
  if (!kafkaBrokers || !databaseUrl) {
    const missing = Object.entries({ KAFKA_BROKERS: kafkaBrokers, DATABASE_URL: databaseUrl })
      .filter(([, value]) => !value)
      .map(([name]) => name);
    throw new Error(
      `integration tests need the real infrastructure (${missing.join(', ')} not set): ` +
        'run them with `npm run test:int` (it starts it)',
    );
  }
  const username = env['KAFKA_SASL_USERNAME'];
  const password = env['KAFKA_SASL_PASSWORD'];
  const mechanism = (env['KAFKA_SASL_MECHANISM'] || 'scram-sha-512') as TestKafkaSasl['mechanism'];
  return {
    kafkaBrokers,
    databaseUrl,
    ...(username && password && { kafkaSasl: { mechanism, username, password } }),
  };
}

/** A name no other test run uses, for topics, groups and databases. */
export function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
