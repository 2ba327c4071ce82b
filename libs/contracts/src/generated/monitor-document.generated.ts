/* eslint-disable */
// generated from contracts/ — do not edit.
// Source: contracts/openapi/monitor.openapi.yaml
// Regenerate with: npx tsx tools/contracts/generate.ts

export const monitorApiDocument: { readonly [key: string]: unknown } = {
  openapi: '3.1.0',
  info: {
    title: 'Enlace monitor API',
    version: '1.0.0',
    summary: "The network secretariat's view of the flow of messages, without any personal data.",
    description:
      "The monitor reads the plain, signed headers of the envelopes on every country's inbox topic (never their sealed\npayloads), the dead-letter topics, the nodes' overdue announcements and their heartbeats. It keeps pre-aggregated\nstatistics in its own database, so that reading a corridor over years of traffic stays fast.\n\nA corridor is an ordered pair of countries, `from` -> `to`. Times are UTC; buckets start on the hour, the day or\nthe month. Delays are in milliseconds:\n- **delivery delay**: from an envelope's `sentAt` to the `sentAt` of the addressee's `receipt.delivered.v1` that\n  names it (`causationId`), counted in the corridor and bucket of the envelope;\n- **answer delay**: from a message that waits on the other country (`referral.requested.v1`,\n  `referral.information-requested.v1`, `referral.information-provided.v1`, ...) to the first message the other\n  country sends back in the same conversation (`correlationId`), counted in the corridor and bucket of the\n  message that waited.\n\nPercentiles come from log-scale histograms whose buckets are 10 % apart, so a percentile is within 5 % of the\nexact value.\n\nRoles: `secretariat` and `auditor` read everything; redriving dead letters needs `supervisor` (it puts bytes back\non a country's inbox). Errors are RFC 9457 problem details (`application/problem+json`).\n",
  },
  servers: [{ url: '/api/v1', description: "Relative to the monitor's own address." }],
  security: [{ bearerAuth: [] }],
  tags: [
    { name: 'auth', description: 'Tokens for the built-in development issuer.' },
    { name: 'flows', description: 'Volumes and delays per corridor, message type and time.' },
    { name: 'overdue', description: 'Answers the nodes announced as overdue.' },
    { name: 'dead-letters', description: 'What the couriers could not accept, and redrive.' },
    { name: 'nodes', description: 'Node health from heartbeats.' },
    { name: 'events', description: 'A live stream for the dashboard.' },
    {
      name: 'regional-statistics',
      description:
        'Each node\'s signed counts of its cases per month, protocol and corridor, small cells suppressed at the node ("<11"), combined into one table; never a case or a person.',
    },
    {
      name: 'audit-checkpoints',
      description:
        "Each node's signed audit checkpoints: the length of its audit log and the seal of its last record, kept as the node signed them, so that an audit of the node can tell a log that was cut or rewritten. No personal data.",
    },
    { name: 'health', description: 'Liveness of the monitor.' },
  ],
  paths: {
    '/auth/token': {
      post: {
        tags: ['auth'],
        operationId: 'issueMonitorToken',
        summary: 'Exchange a username and password for a bearer token.',
        description:
          "Served by the built-in issuer of development and demo networks. Tokens of the monitor are not accepted by the nodes, nor the nodes' by the monitor. A monitor that takes the tokens of the secretariat's identity provider (ENLACE_OIDC_ISSUER) issues none: it answers 404.",
        security: [],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/TokenRequest' },
              example: { username: 'secretariat', password: 'correct horse battery staple' },
            },
          },
        },
        responses: {
          '200': {
            description: 'A signed access token.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/TokenResponse' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '404': { $ref: '#/components/responses/NotFound' },
          '429': { $ref: '#/components/responses/TooManyRequests' },
        },
      },
    },
    '/auth/me': {
      get: {
        tags: ['auth'],
        operationId: 'whoAmIAtMonitor',
        summary: 'Who the monitor takes the caller for.',
        description:
          "The name and roles the monitor reads from the caller's token, after the identity provider's role mapping (ENLACE_OIDC_ROLE_MAP). A console signed in through the secretariat's identity provider asks it to know what to show; the monitor decides again on every operation.",
        responses: {
          '200': {
            description: 'The caller as the monitor sees them.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/MonitorUser' },
                example: { username: 'ana.secretaria', roles: ['secretariat'] },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/flows': {
      get: {
        tags: ['flows'],
        operationId: 'getFlows',
        summary: 'Envelope counts per corridor and message type, in time buckets.',
        description:
          'Every corridor seen in the window (or the one named by `from` and `to`), with its total, its counts per message type, and a count per bucket. Receipts are envelopes too (`receipt.delivered.v1`); filter them out with `type`.',
        parameters: [
          { $ref: '#/components/parameters/From' },
          { $ref: '#/components/parameters/To' },
          { $ref: '#/components/parameters/Type' },
          { $ref: '#/components/parameters/Since' },
          { $ref: '#/components/parameters/Until' },
          { $ref: '#/components/parameters/Granularity' },
        ],
        responses: {
          '200': {
            description: 'The flows.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/FlowReport' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/delays': {
      get: {
        tags: ['flows'],
        operationId: 'getDelays',
        summary: 'Delivery and answer delays per corridor (median, 95th and 99th percentiles), in time buckets.',
        parameters: [
          { $ref: '#/components/parameters/From' },
          { $ref: '#/components/parameters/To' },
          { $ref: '#/components/parameters/Since' },
          { $ref: '#/components/parameters/Until' },
          { $ref: '#/components/parameters/Granularity' },
        ],
        responses: {
          '200': {
            description: 'The delays.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/DelayReport' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/overdue': {
      get: {
        tags: ['overdue'],
        operationId: 'listOverdueAnswers',
        summary: 'Steps the nodes announced as overdue, latest due first.',
        description:
          'An announcement is answered once the late country sends any message of that case back to the announcing country. Case references are the pseudonymous case ids of the envelope headers.',
        parameters: [
          {
            name: 'state',
            in: 'query',
            description: 'open (not answered yet, the default), answered, or all.',
            schema: { $ref: '#/components/schemas/OverdueState' },
          },
          {
            name: 'country',
            in: 'query',
            description: 'Only announcements of this (waiting) country.',
            schema: { $ref: '#/components/schemas/CountryCode' },
          },
          {
            name: 'counterpart',
            in: 'query',
            description: 'Only steps late at this country.',
            schema: { $ref: '#/components/schemas/CountryCode' },
          },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'The overdue answers.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/OverdueList' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/dead-letters': {
      get: {
        tags: ['dead-letters'],
        operationId: 'listDeadLetters',
        summary: 'Dead letters with their reasons, latest first.',
        parameters: [
          {
            name: 'country',
            in: 'query',
            description: "Only dead letters of this country's courier.",
            schema: { $ref: '#/components/schemas/CountryCode' },
          },
          {
            name: 'status',
            in: 'query',
            description: 'pending (never redriven) or redriven; both when absent.',
            schema: { $ref: '#/components/schemas/DeadLetterStatus' },
          },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'The dead letters.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/DeadLetterList' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/dead-letters/{id}': {
      get: {
        tags: ['dead-letters'],
        operationId: 'getDeadLetter',
        summary: 'One dead letter.',
        parameters: [{ $ref: '#/components/parameters/DeadLetterId' }],
        responses: {
          '200': {
            description: 'The dead letter.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/DeadLetter' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/dead-letters/redrive': {
      post: {
        tags: ['dead-letters'],
        operationId: 'redriveDeadLetters',
        summary: 'Put one or many dead letters back on the topic they came from.',
        description:
          "Re-reads each dead letter's original bytes from its dead-letter topic (the monitor never stores them) and produces them, with their original key, to their original topic, where the country's courier checks them again. Each redrive is recorded in the monitor's hash-chained audit log with who asked. Supervisors only. The answer says per id what happened; `gone` means the dead-letter topic no longer holds the record.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/RedriveRequest' },
              example: { ids: ['EC.0.17', 'EC.0.18'] },
            },
          },
        },
        responses: {
          '200': {
            description: 'What happened to each dead letter.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/RedriveReport' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/nodes': {
      get: {
        tags: ['nodes'],
        operationId: 'listNodeHealth',
        summary: "Each member's node health, from its courier's heartbeats.",
        description:
          'up: a heartbeat within two of its intervals; late: within five; down: older; unknown: never heard from (a member of the directory whose node has not beaten since the monitor started keeping records).',
        responses: {
          '200': {
            description: 'The nodes.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/NodeHealthList' } } },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/regional-statistics': {
      get: {
        tags: ['regional-statistics'],
        operationId: 'getRegionalStatistics',
        summary: "The nodes' latest statistics reports, one row per count as the node published it.",
        description:
          'Each node\'s latest report of each month (statistics-report.v1), verified against the directory, flattened to rows: the group\'s total and its breakdowns by sex, age band, nationality and form of exploitation. A count is a number, "<k" (1 to k-1, suppressed at the node) or "withheld" (hidden so that a total does not give a small one away); a breakdown withheld whole is one row with category all. Counts of different nodes are not added up: a referral is a case at both of its ends.',
        parameters: [{ $ref: '#/components/parameters/Month' }],
        responses: {
          '200': {
            description: 'The combined table.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/RegionalStatisticsTable' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/regional-statistics/csv': {
      get: {
        tags: ['regional-statistics'],
        operationId: 'exportRegionalStatisticsCsv',
        summary: 'The combined table as a CSV file.',
        parameters: [{ $ref: '#/components/parameters/Month' }],
        responses: {
          '200': {
            description:
              'The rows (RFC 4180, CRLF): reportedBy,month,protocol,fromCountry,toCountry,dimension,category,count.',
            content: {
              'text/csv': {
                schema: { type: 'string' },
                example:
                  'reportedBy,month,protocol,fromCountry,toCountry,dimension,category,count\r\nCO,2026-03,referral,CO,EC,sex,Feminine,<11\r\n',
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/audit-checkpoints/{country}/latest': {
      get: {
        tags: ['audit-checkpoints'],
        operationId: 'getLatestAuditCheckpoint',
        summary: "The node's latest audit checkpoint, as it signed it.",
        description:
          "The checkpoint (audit-checkpoint.v1) of the country's longest audit log the monitor received, its signature verified against the directory when it arrived. An auditor saves it and gives it to `enlace audit verify --checkpoint`: a node's log that ends before `sequence`, or whose record there has another seal, was cut or rewritten. `statement` is the JWS the node signed, to be checked again against the directory.",
        parameters: [{ $ref: '#/components/parameters/CountryPath' }],
        responses: {
          '200': {
            description: 'The latest checkpoint.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/AuditCheckpoint' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/events': {
      get: {
        tags: ['events'],
        operationId: 'streamMonitorEvents',
        summary: 'A live stream of what the monitor sees, as server-sent events.',
        description:
          "`text/event-stream`; each event's `event` field is its kind and its `data` a MonitorEvent as JSON. A comment line is sent every 15 s to keep the connection open. Send the bearer token in the Authorization header (a fetch-based event-source client can; the token never goes in the URL). The stream ends when the token expires, after a last event `session-expired` (data `{}`): open it again with a new token.",
        responses: {
          '200': {
            description: 'The stream; it stays open until the token expires.',
            content: {
              'text/event-stream': {
                schema: { type: 'string', description: 'Server-sent events whose data are MonitorEvent objects.' },
                example:
                  'event: envelope\ndata: {"kind":"envelope","at":"2025-03-14T09:30:00.120Z","envelope":{"id":"5b0c7a3e-2f4d-4a43-9d57-0e6f1c2b8a11","type":"referral.requested.v1","from":"CO","to":"EC","sentAt":"2025-03-14T09:30:00Z"}}\n',
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/health': {
      get: {
        tags: ['health'],
        operationId: 'getMonitorHealth',
        summary: 'Liveness of the monitor.',
        security: [],
        responses: {
          '200': {
            description: 'The monitor is up.',
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Health' }, example: { status: 'ok' } },
            },
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          "A JWT of the secretariat's identity provider (production) or of the built-in issuer at POST /auth/token (development and demo), with the roles secretariat, auditor or supervisor.",
      },
    },
    parameters: {
      Month: {
        name: 'month',
        in: 'query',
        description: 'A calendar month, YYYY-MM; every month when absent.',
        schema: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' },
      },
      From: {
        name: 'from',
        in: 'query',
        description: 'Sending country of the corridor.',
        schema: { $ref: '#/components/schemas/CountryCode' },
      },
      To: {
        name: 'to',
        in: 'query',
        description: 'Addressee country of the corridor.',
        schema: { $ref: '#/components/schemas/CountryCode' },
      },
      Type: {
        name: 'type',
        in: 'query',
        description: 'Only envelopes of this message type.',
        schema: { $ref: '#/components/schemas/MessageType' },
      },
      Since: {
        name: 'since',
        in: 'query',
        description: 'Start of the window (inclusive); 30 days before `until` when absent. Rounded down to a bucket.',
        schema: { type: 'string', format: 'date-time' },
      },
      Until: {
        name: 'until',
        in: 'query',
        description: 'End of the window (exclusive); now when absent.',
        schema: { type: 'string', format: 'date-time' },
      },
      Granularity: {
        name: 'granularity',
        in: 'query',
        description:
          'Bucket size. When absent: hour for windows up to 3 days, day up to 3 years, month beyond. At most 2,000 buckets per corridor (400 otherwise). Minutes are kept for the last 2 days only (400 for a window of minutes that starts earlier).',
        schema: { $ref: '#/components/schemas/Granularity' },
      },
      Limit: {
        name: 'limit',
        in: 'query',
        description: 'At most this many items (default 100).',
        schema: { type: 'integer', minimum: 1, maximum: 1000 },
      },
      DeadLetterId: {
        name: 'id',
        in: 'path',
        required: true,
        description: "Id of a dead letter, `<country>.<partition>.<offset>` on that country's dead-letter topic.",
        schema: { $ref: '#/components/schemas/DeadLetterId' },
      },
      CountryPath: {
        name: 'country',
        in: 'path',
        required: true,
        description: "The node's country, ISO 3166-1 alpha-2.",
        schema: { $ref: '#/components/schemas/CountryCode' },
      },
    },
    responses: {
      BadRequest: {
        description: 'The request is malformed or fails the schema; `errors` names the failing fields.',
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/ValidationProblem' },
            example: {
              type: 'urn:enlace:problem:bad-request',
              title: 'Bad Request',
              status: 400,
              detail: 'The parameter since is not valid.',
              errors: [{ field: 'since', message: 'must match format "date-time"' }],
            },
          },
        },
      },
      Unauthorized: {
        description: 'No valid bearer token, or wrong credentials.',
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/Problem' },
            example: { type: 'urn:enlace:problem:unauthorized', title: 'Unauthorized', status: 401 },
          },
        },
      },
      Forbidden: {
        description: "The caller's roles do not allow this action.",
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/Problem' },
            example: { type: 'urn:enlace:problem:forbidden', title: 'Forbidden', status: 403 },
          },
        },
      },
      TooManyRequests: {
        description:
          'A budget of sign-in attempts is spent: attempts on this username from anywhere, from this client address on any usernames, or on the monitor in all, within the window (ENLACE_LOGIN_*); `Retry-After` says in how many seconds to try again.',
        headers: {
          'Retry-After': { description: 'Seconds to wait before the next attempt.', schema: { type: 'integer' } },
        },
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/Problem' },
            example: {
              type: 'urn:enlace:problem:too-many-requests',
              title: 'Too Many Login Attempts',
              status: 429,
              detail: 'Too many sign-in attempts; try again after the time given in Retry-After.',
            },
          },
        },
      },
      NotFound: {
        description: 'No such dead letter, or no audit checkpoint of that country.',
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/Problem' },
            example: { type: 'urn:enlace:problem:not-found', title: 'Not Found', status: 404 },
          },
        },
      },
    },
    schemas: {
      CountryCode: {
        description: 'ISO 3166-1 alpha-2 country code.',
        type: 'string',
        pattern: '^[A-Z]{2}$',
        examples: ['CO'],
      },
      MessageType: {
        description: 'A message type with its major version.',
        type: 'string',
        maxLength: 100,
        pattern: '^[a-z]+(\\.[a-z][a-z-]*)+\\.v[1-9][0-9]*$',
        examples: ['referral.requested.v1'],
      },
      Granularity: { description: 'Size of a time bucket.', type: 'string', enum: ['minute', 'hour', 'day', 'month'] },
      MonitorUser: {
        description: "A user of the secretariat's monitor, as its token says after the monitor's role mapping.",
        type: 'object',
        additionalProperties: false,
        required: ['username', 'roles'],
        properties: {
          username: {
            description: "The user's name at the identity provider (or the development issuer).",
            type: 'string',
            minLength: 1,
          },
          roles: {
            description: "The user's roles at the monitor.",
            type: 'array',
            items: {
              type: 'string',
              enum: ['focal-point', 'case-worker', 'supervisor', 'secretariat', 'auditor', 'hotline'],
            },
          },
        },
      },
      TokenRequest: {
        description: 'Credentials of a user of the built-in development issuer.',
        type: 'object',
        additionalProperties: false,
        required: ['username', 'password'],
        properties: {
          username: { description: "The user's name.", type: 'string', minLength: 1, maxLength: 100 },
          password: { description: "The user's password.", type: 'string', minLength: 1, maxLength: 200 },
        },
      },
      TokenResponse: {
        description: 'A bearer token.',
        type: 'object',
        additionalProperties: false,
        required: ['accessToken', 'tokenType', 'expiresIn'],
        properties: {
          accessToken: { description: 'The JWT to send in the Authorization header, after "Bearer ".', type: 'string' },
          tokenType: { description: 'Always Bearer.', type: 'string', enum: ['Bearer'] },
          expiresIn: { description: 'Seconds until the token expires.', type: 'integer' },
        },
      },
      CountsByType: {
        description: 'Envelope counts by message type.',
        type: 'object',
        propertyNames: { $ref: '#/components/schemas/MessageType' },
        additionalProperties: { type: 'integer', minimum: 0 },
        examples: [{ 'referral.requested.v1': 12, 'receipt.delivered.v1': 12 }],
      },
      FlowBucket: {
        description: 'Envelopes in one time bucket.',
        type: 'object',
        additionalProperties: false,
        required: ['start', 'count', 'byType'],
        properties: {
          start: { description: 'Start of the bucket.', type: 'string', format: 'date-time' },
          count: { description: 'Envelopes sent in the bucket.', type: 'integer', minimum: 0 },
          byType: { $ref: '#/components/schemas/CountsByType' },
        },
      },
      CorridorFlow: {
        description: 'The envelopes of one corridor in the window.',
        type: 'object',
        additionalProperties: false,
        required: ['from', 'to', 'total', 'byType', 'buckets'],
        properties: {
          from: { $ref: '#/components/schemas/CountryCode' },
          to: { $ref: '#/components/schemas/CountryCode' },
          total: { description: 'Envelopes in the window.', type: 'integer', minimum: 0 },
          byType: { $ref: '#/components/schemas/CountsByType' },
          buckets: {
            description: 'One entry per bucket of the window, empty ones included, oldest first.',
            type: 'array',
            items: { $ref: '#/components/schemas/FlowBucket' },
          },
        },
      },
      FlowReport: {
        description: 'Flows per corridor.',
        type: 'object',
        additionalProperties: false,
        required: ['since', 'until', 'granularity', 'corridors'],
        properties: {
          since: { description: 'Start of the window, rounded down to a bucket.', type: 'string', format: 'date-time' },
          until: { description: 'End of the window.', type: 'string', format: 'date-time' },
          granularity: { $ref: '#/components/schemas/Granularity' },
          corridors: {
            description: 'Corridors with at least one envelope in the window (or the one asked for), by volume.',
            type: 'array',
            items: { $ref: '#/components/schemas/CorridorFlow' },
          },
        },
        examples: [
          {
            since: '2025-03-14T00:00:00.000Z',
            until: '2025-03-15T00:00:00.000Z',
            granularity: 'day',
            corridors: [
              {
                from: 'CO',
                to: 'EC',
                total: 3,
                byType: { 'referral.requested.v1': 2, 'referral.accepted.v1': 1 },
                buckets: [
                  {
                    start: '2025-03-14T00:00:00.000Z',
                    count: 3,
                    byType: { 'referral.requested.v1': 2, 'referral.accepted.v1': 1 },
                  },
                ],
              },
            ],
          },
        ],
      },
      DelayStats: {
        description: 'Percentiles of delays in milliseconds; null when nothing was measured.',
        type: 'object',
        additionalProperties: false,
        required: ['count', 'p50Ms', 'p95Ms', 'p99Ms'],
        properties: {
          count: { description: 'Delays measured.', type: 'integer', minimum: 0 },
          p50Ms: { description: 'Median.', type: ['integer', 'null'] },
          p95Ms: { description: '95th percentile.', type: ['integer', 'null'] },
          p99Ms: { description: '99th percentile.', type: ['integer', 'null'] },
        },
      },
      DelayBucket: {
        description: 'Delays of the envelopes sent in one time bucket.',
        type: 'object',
        additionalProperties: false,
        required: ['start', 'delivery', 'answer'],
        properties: {
          start: { description: 'Start of the bucket.', type: 'string', format: 'date-time' },
          delivery: { $ref: '#/components/schemas/DelayStats' },
          answer: { $ref: '#/components/schemas/DelayStats' },
        },
      },
      CorridorDelays: {
        description: 'Delays of one corridor in the window.',
        type: 'object',
        additionalProperties: false,
        required: ['from', 'to', 'delivery', 'answer', 'buckets'],
        properties: {
          from: { $ref: '#/components/schemas/CountryCode' },
          to: { $ref: '#/components/schemas/CountryCode' },
          delivery: { $ref: '#/components/schemas/DelayStats' },
          answer: { $ref: '#/components/schemas/DelayStats' },
          buckets: {
            description: 'One entry per bucket of the window, oldest first.',
            type: 'array',
            items: { $ref: '#/components/schemas/DelayBucket' },
          },
        },
      },
      DelayReport: {
        description: 'Delays per corridor.',
        type: 'object',
        additionalProperties: false,
        required: ['since', 'until', 'granularity', 'corridors'],
        properties: {
          since: { description: 'Start of the window, rounded down to a bucket.', type: 'string', format: 'date-time' },
          until: { description: 'End of the window.', type: 'string', format: 'date-time' },
          granularity: { $ref: '#/components/schemas/Granularity' },
          corridors: {
            description: 'Corridors with at least one envelope in the window (or the one asked for).',
            type: 'array',
            items: { $ref: '#/components/schemas/CorridorDelays' },
          },
        },
        examples: [
          {
            since: '2025-03-14T00:00:00.000Z',
            until: '2025-03-15T00:00:00.000Z',
            granularity: 'day',
            corridors: [
              {
                from: 'CO',
                to: 'EC',
                delivery: { count: 2, p50Ms: 180, p95Ms: 420, p99Ms: 420 },
                answer: { count: 1, p50Ms: 3600000, p95Ms: 3600000, p99Ms: 3600000 },
                buckets: [
                  {
                    start: '2025-03-14T00:00:00.000Z',
                    delivery: { count: 2, p50Ms: 180, p95Ms: 420, p99Ms: 420 },
                    answer: { count: 1, p50Ms: 3600000, p95Ms: 3600000, p99Ms: 3600000 },
                  },
                ],
              },
            ],
          },
        ],
      },
      OverdueState: {
        description: 'Whether the late country has answered since.',
        type: 'string',
        enum: ['open', 'answered', 'all'],
      },
      OverdueAnswer: {
        description: 'A step a node announced as overdue (contracts/messages/deadline/deadline.overdue.v1).',
        type: 'object',
        additionalProperties: false,
        required: ['id', 'country', 'counterpart', 'protocol', 'step', 'caseRef', 'dueAt', 'announcedAt', 'answeredAt'],
        properties: {
          id: { description: 'Id of the announcement.', type: 'string', format: 'uuid' },
          country: { $ref: '#/components/schemas/CountryCode' },
          counterpart: { $ref: '#/components/schemas/CountryCode' },
          protocol: {
            description: "The case's protocol.",
            type: 'string',
            enum: ['referral', 'return', 'reintegration'],
          },
          step: { description: 'The status the case waits in.', type: 'string' },
          caseRef: { description: 'The pseudonymous case id.', type: 'string', format: 'uuid' },
          dueAt: { description: 'When the step was due.', type: 'string', format: 'date-time' },
          announcedAt: { description: 'When the node announced it.', type: 'string', format: 'date-time' },
          answeredAt: {
            description: 'When the late country next sent a message of the case back; null while open.',
            type: ['string', 'null'],
            format: 'date-time',
          },
        },
      },
      OverdueList: {
        description: 'Overdue answers.',
        type: 'object',
        additionalProperties: false,
        required: ['items'],
        properties: {
          items: {
            description: 'Latest due first.',
            type: 'array',
            items: { $ref: '#/components/schemas/OverdueAnswer' },
          },
        },
      },
      DeadLetterId: {
        description: "`<country>.<partition>.<offset>` on that country's dead-letter topic.",
        type: 'string',
        maxLength: 40,
        pattern: '^[A-Z]{2}\\.[0-9]{1,9}\\.[0-9]{1,19}$',
        examples: ['EC.0.17'],
      },
      AuditCheckpoint: {
        description: "A node's audit checkpoint as the monitor keeps it.",
        type: 'object',
        additionalProperties: false,
        required: ['country', 'sequence', 'headMac', 'count', 'at', 'receivedAt', 'statement'],
        properties: {
          country: { $ref: '#/components/schemas/CountryCode' },
          sequence: {
            description: "The number of the last record of the node's audit log.",
            type: 'integer',
            minimum: 1,
          },
          headMac: {
            description: "The seal of that record (HMAC-SHA256 under the node's audit key), hex.",
            type: 'string',
            pattern: '^[0-9a-f]{64}$',
          },
          count: { description: 'How many records the log held.', type: 'integer', minimum: 1 },
          at: { description: "When the node read its log's head.", type: 'string', format: 'date-time' },
          receivedAt: { description: 'When the monitor received the checkpoint.', type: 'string', format: 'date-time' },
          statement: {
            description: 'The checkpoint as the node signed it, a JWS compact serialization (EdDSA).',
            type: 'string',
          },
        },
      },
      DeadLetterStatus: {
        description: 'pending (never redriven) or redriven.',
        type: 'string',
        enum: ['pending', 'redriven'],
      },
      EnvelopeFacts: {
        description: 'The header facts of a dead-lettered envelope, when its header could be read at all (unverified).',
        type: 'object',
        additionalProperties: false,
        required: ['id', 'type', 'from', 'to', 'sentAt'],
        properties: {
          id: { description: 'Envelope id.', type: 'string' },
          type: { description: 'Message type.', type: 'string' },
          from: { $ref: '#/components/schemas/CountryCode' },
          to: { $ref: '#/components/schemas/CountryCode' },
          sentAt: { description: 'When the sender says it signed it.', type: 'string', format: 'date-time' },
        },
      },
      DeadLetter: {
        description: 'A record a courier could not accept, with why. Its bytes stay on the dead-letter topic.',
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'country',
          'reason',
          'detail',
          'originalTopic',
          'originalPartition',
          'originalOffset',
          'deadLetteredAt',
          'envelope',
          'envelopeVerified',
          'status',
          'redriveCount',
          'lastRedrivenAt',
          'lastRedrivenBy',
        ],
        properties: {
          id: { $ref: '#/components/schemas/DeadLetterId' },
          country: { $ref: '#/components/schemas/CountryCode' },
          reason: {
            description: 'A stable code such as TAMPERED, MALFORMED, UNKNOWN_SENDER or CONTRACT_VIOLATION.',
            type: 'string',
          },
          detail: { description: 'What the courier said; never quotes payload content.', type: 'string' },
          originalTopic: { description: 'Where the record was read.', type: 'string' },
          originalPartition: { description: 'Its partition there.', type: 'integer' },
          originalOffset: { description: 'Its offset there.', type: 'string' },
          deadLetteredAt: { description: 'When the courier set it aside.', type: 'string', format: 'date-time' },
          envelope: { oneOf: [{ $ref: '#/components/schemas/EnvelopeFacts' }, { type: 'null' }] },
          envelopeVerified: {
            description:
              'Whether the record is an envelope whose signature holds under a key the directory gives its sender, as the monitor checked when it read the dead letter. False marks what is unverified: a forged, tampered or unreadable record, or one of a sender the directory does not know; its routing facts (envelope) are then only what the record claims. Dead letters read before the monitor checked them are false.',
            type: 'boolean',
          },
          status: { $ref: '#/components/schemas/DeadLetterStatus' },
          redriveCount: { description: 'How many times it was redriven.', type: 'integer', minimum: 0 },
          lastRedrivenAt: { description: 'When it was last redriven.', type: ['string', 'null'], format: 'date-time' },
          lastRedrivenBy: { description: 'Who last redrove it.', type: ['string', 'null'] },
        },
        examples: [
          {
            id: 'EC.0.17',
            country: 'EC',
            reason: 'TAMPERED',
            detail: 'Envelope 5b0c7a3e-2f4d-4a43-9d57-0e6f1c2b8a11 from CO has a bad signature',
            originalTopic: 'enlace.andes.inbox.EC',
            originalPartition: 1,
            originalOffset: '42',
            deadLetteredAt: '2025-03-14T09:30:01.000Z',
            envelope: {
              id: '5b0c7a3e-2f4d-4a43-9d57-0e6f1c2b8a11',
              type: 'referral.requested.v1',
              from: 'CO',
              to: 'EC',
              sentAt: '2025-03-14T09:30:00Z',
            },
            envelopeVerified: false,
            status: 'pending',
            redriveCount: 0,
            lastRedrivenAt: null,
            lastRedrivenBy: null,
          },
        ],
      },
      DeadLetterList: {
        description: 'Dead letters.',
        type: 'object',
        additionalProperties: false,
        required: ['items'],
        properties: {
          items: { description: 'Latest first.', type: 'array', items: { $ref: '#/components/schemas/DeadLetter' } },
        },
      },
      RedriveRequest: {
        description: 'The dead letters to put back.',
        type: 'object',
        additionalProperties: false,
        required: ['ids'],
        properties: {
          ids: {
            description: 'Ids of dead letters, one to a hundred.',
            type: 'array',
            minItems: 1,
            maxItems: 100,
            uniqueItems: true,
            items: { $ref: '#/components/schemas/DeadLetterId' },
          },
        },
      },
      RedriveOutcome: {
        description: 'What happened to one dead letter.',
        type: 'object',
        additionalProperties: false,
        required: ['id', 'outcome'],
        properties: {
          id: { $ref: '#/components/schemas/DeadLetterId' },
          outcome: {
            description:
              "redriven; not-found (no such dead letter); gone (the dead-letter topic no longer holds its bytes); refused (its headers name a topic other than its own country's inbox, so it is not put anywhere).",
            type: 'string',
            enum: ['redriven', 'not-found', 'gone', 'refused'],
          },
        },
      },
      RedriveReport: {
        description: 'The outcome per dead letter, in the order asked.',
        type: 'object',
        additionalProperties: false,
        required: ['results'],
        properties: {
          results: {
            description: 'One per id.',
            type: 'array',
            items: { $ref: '#/components/schemas/RedriveOutcome' },
          },
        },
        examples: [
          {
            results: [
              { id: 'EC.0.17', outcome: 'redriven' },
              { id: 'EC.0.99', outcome: 'not-found' },
            ],
          },
        ],
      },
      NodeHealth: {
        description: "One member's node, as its courier's heartbeats tell.",
        type: 'object',
        additionalProperties: false,
        required: ['country', 'status', 'lastHeartbeatAt', 'inboxLag', 'intervalMs', 'instanceId', 'startedAt'],
        properties: {
          country: { $ref: '#/components/schemas/CountryCode' },
          status: {
            description: 'up, late, down or unknown.',
            type: 'string',
            enum: ['up', 'late', 'down', 'unknown'],
          },
          lastHeartbeatAt: {
            description: 'When its last heartbeat was sent.',
            type: ['string', 'null'],
            format: 'date-time',
          },
          inboxLag: {
            description: 'Records of its inbox not yet committed by its courier, at the last heartbeat.',
            type: ['integer', 'null'],
          },
          intervalMs: { description: 'How often it beats.', type: ['integer', 'null'] },
          instanceId: { description: 'Id of the beating process; changes at each restart.', type: ['string', 'null'] },
          startedAt: {
            description: 'When the beating process started.',
            type: ['string', 'null'],
            format: 'date-time',
          },
        },
      },
      RegionalStatisticsTable: {
        description: "The nodes' latest statistics reports, combined.",
        type: 'object',
        additionalProperties: false,
        required: ['reports', 'items'],
        properties: {
          reports: {
            description: 'The reports the rows come from, one per node and month.',
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['country', 'month', 'generatedAt', 'threshold'],
              properties: {
                country: { $ref: '#/components/schemas/CountryCode' },
                month: { description: 'The month counted, YYYY-MM.', type: 'string' },
                generatedAt: { description: 'When the node counted.', type: 'string', format: 'date-time' },
                threshold: { description: "k of the node's suppression.", type: 'integer' },
              },
            },
          },
          items: {
            description: 'One row per published count, by month, then reporting node.',
            type: 'array',
            items: { $ref: '#/components/schemas/RegionalStatisticsRow' },
          },
        },
      },
      RegionalStatisticsRow: {
        description: 'A count as its node published it.',
        type: 'object',
        additionalProperties: false,
        required: ['reportedBy', 'month', 'protocol', 'fromCountry', 'toCountry', 'dimension', 'category', 'count'],
        properties: {
          reportedBy: { $ref: '#/components/schemas/CountryCode' },
          month: { description: 'The month counted, YYYY-MM.', type: 'string' },
          protocol: {
            description: 'The protocol of the cases counted.',
            type: 'string',
            enum: ['referral', 'return', 'reintegration'],
          },
          fromCountry: { $ref: '#/components/schemas/CountryCode' },
          toCountry: { $ref: '#/components/schemas/CountryCode' },
          dimension: {
            description: "The group's total, or the breakdown the row belongs to.",
            type: 'string',
            enum: ['total', 'sex', 'ageBand', 'nationality', 'exploitation'],
          },
          category: {
            description: 'The category of the breakdown (all for the total, or for a breakdown withheld whole).',
            type: 'string',
          },
          count: {
            description: 'The count, "<k" (1 to k-1) or "withheld".',
            oneOf: [
              { type: 'integer', minimum: 0 },
              { type: 'string', pattern: '^(<[0-9]{1,4}|withheld)$' },
            ],
          },
        },
      },
      NodeHealthList: {
        description: 'Node health of every member, by country.',
        type: 'object',
        additionalProperties: false,
        required: ['checkedAt', 'items'],
        properties: {
          checkedAt: { description: "The monitor's clock when it answered.", type: 'string', format: 'date-time' },
          items: { description: 'By country.', type: 'array', items: { $ref: '#/components/schemas/NodeHealth' } },
        },
        examples: [
          {
            checkedAt: '2025-03-17T14:06:07.000Z',
            items: [
              {
                country: 'CO',
                status: 'up',
                lastHeartbeatAt: '2025-03-17T14:06:05.000Z',
                inboxLag: 0,
                intervalMs: 5000,
                instanceId: '2f0e9d8c-7b6a-4c5d-9e8f-0a1b2c3d4e5f',
                startedAt: '2025-03-17T08:00:00.000Z',
              },
              {
                country: 'BO',
                status: 'unknown',
                lastHeartbeatAt: null,
                inboxLag: null,
                intervalMs: null,
                instanceId: null,
                startedAt: null,
              },
            ],
          },
        ],
      },
      MonitorEvent: {
        description:
          'One event of the live stream. `kind` says which of the other members is present: envelope (an envelope was counted), delivery (a receipt gave a delivery delay), answer (an answer delay was measured), dead-letter, overdue, heartbeat, redrive.',
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'at'],
        properties: {
          kind: {
            description: 'What happened.',
            type: 'string',
            enum: ['envelope', 'delivery', 'answer', 'dead-letter', 'overdue', 'heartbeat', 'redrive'],
          },
          at: { description: 'When the monitor saw it.', type: 'string', format: 'date-time' },
          envelope: { $ref: '#/components/schemas/EnvelopeFacts' },
          delayMs: { description: 'The delay measured (delivery, answer).', type: 'integer' },
          deadLetter: { $ref: '#/components/schemas/DeadLetter' },
          overdue: { $ref: '#/components/schemas/OverdueAnswer' },
          node: { $ref: '#/components/schemas/NodeHealth' },
        },
        examples: [
          {
            kind: 'delivery',
            at: '2025-03-14T09:30:00.320Z',
            envelope: {
              id: '5b0c7a3e-2f4d-4a43-9d57-0e6f1c2b8a11',
              type: 'referral.requested.v1',
              from: 'CO',
              to: 'EC',
              sentAt: '2025-03-14T09:30:00Z',
            },
            delayMs: 180,
          },
        ],
      },
      Health: {
        description: 'Liveness of the monitor.',
        type: 'object',
        additionalProperties: false,
        required: ['status'],
        properties: { status: { description: 'ok when the monitor is up.', type: 'string' } },
      },
      Problem: {
        description: 'RFC 9457 problem details.',
        type: 'object',
        required: ['type', 'title', 'status'],
        properties: {
          type: { description: 'URI reference naming the problem type.', type: 'string', format: 'uri-reference' },
          title: { description: 'Short summary of the problem type.', type: 'string' },
          status: { description: 'The HTTP status code.', type: 'integer', minimum: 400, maximum: 599 },
          detail: { description: 'Explanation of this occurrence.', type: 'string' },
          instance: { description: 'URI reference of this occurrence.', type: 'string', format: 'uri-reference' },
          code: {
            description:
              "A stable code of the problem for a client to translate: the protocol's rule that was broken (CONSENT_REQUIRED, TRANSITION_NOT_ALLOWED, ...) or CONTRACT_VIOLATION when the request does not match this document. Absent when the status says it all.",
            type: 'string',
          },
        },
      },
      ValidationProblem: {
        description: 'Problem details for bad input, with the failing fields named.',
        allOf: [
          { $ref: '#/components/schemas/Problem' },
          {
            type: 'object',
            properties: {
              errors: {
                description: 'One entry per failing field.',
                type: 'array',
                items: { $ref: '#/components/schemas/FieldError' },
              },
            },
          },
        ],
      },
      FieldError: {
        description: 'One failing field. The message names the rule broken, never the value sent.',
        type: 'object',
        additionalProperties: false,
        required: ['field', 'message'],
        properties: {
          field: {
            description: "JSON Pointer to the field in the request body (or the parameter's name).",
            type: 'string',
          },
          message: { description: 'What is wrong with it.', type: 'string' },
        },
      },
    },
  },
};
