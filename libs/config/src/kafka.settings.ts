import { ConfigSchema, SettingValues, requiredWhen } from './config-schema';
import { list, oneOf, optionalText, secretText } from './env-setting';

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
