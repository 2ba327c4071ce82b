import {
  ConfigSchema,
  databaseSettings,
  envSetting,
  logSettings,
  inProduction,
  integer,
  kafkaSchema,
  networkSettings,
  nodeSettings,
  optionalText,
  requiredText,
  requiredWhen,
} from '@enlace/config';
import { kafkaLinkProductionProblems } from '@enlace/messaging';

/** Everything the courier reads from its environment (courier.config.ts turns it into CourierConfig). */
export const courierSettings = {
  ...networkSettings,
  ...logSettings,
  ...nodeSettings,
  ...kafkaSchema.shape,
  ...databaseSettings,
  ENLACE_TRUST_ANCHORS_FILE: optionalText({
    description:
      "The network's trust anchors (public keys), a JSON file: members are then taken from the signed directory " +
      'topic, and only from entries a trust anchor signed. Production requires it.',
    required: 'unless ENLACE_DIRECTORY_FILE is set',
  }),
  ENLACE_DIRECTORY_FILE: optionalText({
    description:
      'A fixed, unsigned directory file of member keys (development); ignored when ENLACE_TRUST_ANCHORS_FILE is set.',
  }),
  ENLACE_COURIER_HTTP_PORT: envSetting<number | undefined>(
    {
      description:
        "The port of the courier's own HTTP server for /health/live, /health/ready and /metrics. Unset: no server " +
        "(inside the one-process node, the node API's port answers them).",
    },
    (value, refuse) => {
      if (value === undefined) return undefined;
      const port = Number(value);
      return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : refuse('must be a port number (1-65535)');
    },
  ),
  ENLACE_COURIER_HTTP_HOST: optionalText({
    description:
      "The address the courier's HTTP server listens on: 127.0.0.1 (this machine only) by default; 0.0.0.0 in a " +
      'container whose probes and Prometheus reach it from outside.',
    fallback: '127.0.0.1',
  }),
  ENLACE_KEYS_FILE: requiredText({
    description:
      "This node's private signing and encryption keys, a JSON file readable by its owner only (mode 600): only the " +
      'courier reads them.',
    example: '/etc/enlace/secrets/node.keys.json',
  }),
  ENLACE_RELAY_POLL_MS: integer({
    description:
      "How often the relay looks at the outbox when no notification woke it, in ms: a safety sweep only, since node-api's " +
      'commit notifies the courier at once.',
    fallback: 5_000,
    min: 10,
  }),
  ENLACE_RELAY_BATCH_SIZE: integer({
    description: 'Messages claimed, sealed and produced together.',
    fallback: 200,
    min: 1,
  }),
  ENLACE_RELAY_GATHER_MS: integer({
    description:
      'How long the relay lets messages gather before a round that follows a round which found some, in ms: under a ' +
      'steady stream a round then takes several messages for the fixed cost of its statements and its produce.',
    fallback: 10,
    min: 0,
  }),
  ENLACE_INBOX_FETCH_MIN_BYTES: integer({
    description: 'A fetch of the inbox topic waits at the broker for this many bytes, or ENLACE_INBOX_FETCH_WAIT_MS.',
    fallback: 1,
    min: 1,
  }),
  ENLACE_INBOX_FETCH_WAIT_MS: integer({
    description: 'The longest a fetch of the inbox topic waits at the broker, in ms.',
    fallback: 250,
    min: 0,
  }),
  ENLACE_INBOX_COMMIT_INTERVAL_MS: integer({
    description:
      'How often the inbox consumer commits the offsets of what it stored and receipted, in ms (0: after every ' +
      'batch). What was stored but not committed when the courier dies is read again and recognised as duplicates.',
    fallback: 200,
    min: 0,
  }),
  ENLACE_HEARTBEAT_MS: integer({
    description: "How often the courier tells the network's monitor that it is alive, and its inbox lag, in ms.",
    fallback: 5_000,
    min: 100,
  }),
  ENLACE_AUDIT_CHECKPOINT_MS: integer({
    description:
      "How often the courier looks at the head of the node's audit log and, when it moved, publishes a signed " +
      "checkpoint of it (its length and last seal, no personal data) for the network's monitor, in ms. An audit " +
      'detects a cut tail down to the last checkpoint: a shorter interval leaves less unanchored.',
    fallback: 60_000,
    min: 1_000,
  }),
};

/**
 * In production the courier refuses a broker link that does not authenticate with SCRAM or that crosses the
 * network in clear, and a directory no trust anchor signed.
 */
const refuseUnsafeBorder = inProduction((set) => {
  // SCRAM over TLS to the broker (libs/messaging names the problems: no SASL, PLAIN, no TLS, an unusable TLS file)
  const problems = [...kafkaLinkProductionProblems('the courier', set)];
  if (set['ENLACE_TRUST_ANCHORS_FILE'] === undefined) {
    problems.push({
      setting: 'ENLACE_TRUST_ANCHORS_FILE',
      problem:
        "is not set: production takes member keys only from the directory the network's trust anchors signed, " +
        'never from an unsigned ENLACE_DIRECTORY_FILE',
    });
  }
  return problems;
});

export const courierConfigSchema = new ConfigSchema('the courier', courierSettings, [
  ...kafkaSchema.rules,
  requiredWhen(
    'ENLACE_TRUST_ANCHORS_FILE',
    (set) => set['ENLACE_DIRECTORY_FILE'] === undefined,
    'unless ENLACE_DIRECTORY_FILE is set',
  ),
  refuseUnsafeBorder,
]);
