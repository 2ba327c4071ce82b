import { ConfigSchema, SettingValues, requiredWhen } from './config-schema';
import { envSetting, list, oneOf, optionalText, secretText } from './env-setting';

/** How a client proves who it is to the broker (SASL over the client listener). */
export interface KafkaSaslSettings {
  readonly mechanism: 'scram-sha-512' | 'scram-sha-256' | 'plain';
  readonly username: string;
  readonly password: string;
}

const saslSettings = {
  KAFKA_SASL_USERNAME: optionalText({
    description:
      "This service's user on the broker (SASL). Unset: no authentication, which production refuses for the courier.",
  }),
  KAFKA_SASL_PASSWORD: secretText({
    description: "The broker user's password.",
    required: 'when KAFKA_SASL_USERNAME is set',
  }),
  KAFKA_SASL_MECHANISM: oneOf<KafkaSaslSettings['mechanism']>({
    description: 'The SASL mechanism: scram-sha-512, scram-sha-256 or plain (production takes SCRAM only).',
    values: ['scram-sha-512', 'scram-sha-256', 'plain'],
    fallback: 'scram-sha-512',
  }),
};

/** TLS to the broker (libs/messaging's kafka-tls.ts reads and checks the files); verification is always on. */
const tlsSettings = {
  KAFKA_SSL: envSetting<boolean>(
    {
      description:
        'TLS to the broker: true or false (also 1/0, yes/no). Production requires it for the courier and the monitor.',
      default: 'false',
    },
    (value, refuse) => {
      if (value === undefined) return false;
      const text = value.toLowerCase();
      if (['true', '1', 'yes'].includes(text)) return true;
      if (['false', '0', 'no'].includes(text)) return false;
      return refuse('must be true or false');
    },
  ),
  KAFKA_SSL_CA_FILE: optionalText({
    description:
      "A PEM file of the certificate authority that signed the brokers' certificates (a network's own authority). " +
      "Unset: Node's public authorities. Needs KAFKA_SSL=true.",
  }),
  KAFKA_SSL_CERT_FILE: optionalText({
    description: 'A client certificate (PEM) for mutual TLS, with KAFKA_SSL_KEY_FILE. Needs KAFKA_SSL=true.',
  }),
  KAFKA_SSL_KEY_FILE: optionalText({
    description: "The client certificate's private key (PEM), readable by its owner only (mode 600).",
  }),
  KAFKA_SSL_KEY_PASSWORD: secretText({
    description: 'The password of an encrypted KAFKA_SSL_KEY_FILE.',
  }),
};

const saslRules = [
  requiredWhen(
    'KAFKA_SASL_PASSWORD',
    (set) => set['KAFKA_SASL_USERNAME'] !== undefined,
    'when KAFKA_SASL_USERNAME is set',
  ),
];

/** The broker's credentials alone: what every Kafka client of the repository reads when not told otherwise. */
export const kafkaSaslSchema = new ConfigSchema('the Kafka client', saslSettings, saslRules);

/** The broker and this service's credentials on it. */
export const kafkaSchema = new ConfigSchema(
  'the Kafka client',
  {
    KAFKA_BROKERS: list({
      description: "The network's Kafka brokers, host:port, comma-separated.",
      example: 'kafka-1.example.org:9092,kafka-2.example.org:9092',
      required: true,
    }),
    ...saslSettings,
    ...tlsSettings,
  },
  saslRules,
);

/** The credentials of the SASL settings; none when no user is named. */
export function kafkaSaslOf(settings: SettingValues<typeof saslSettings>): KafkaSaslSettings | undefined {
  const username = settings.KAFKA_SASL_USERNAME;
  const password = settings.KAFKA_SASL_PASSWORD;
  if (username === undefined || password === undefined) return undefined;
  return { mechanism: settings.KAFKA_SASL_MECHANISM, username, password };
}
