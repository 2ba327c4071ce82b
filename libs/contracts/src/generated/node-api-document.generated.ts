/* eslint-disable */
// generated from contracts/ — do not edit.
// Source: contracts/openapi/node-api.openapi.yaml
// Regenerate with: npx tsx tools/contracts/generate.ts

export const nodeApiDocument: { readonly [key: string]: unknown } = {
  openapi: '3.1.0',
  jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
  info: {
    title: 'Enlace node API',
    version: '1.0.0',
    summary: "A country node's HTTP API for focal points and case workers.",
    description:
      "Each country runs its own node. This API creates referrals to other countries, lists and shows the node's\nreferrals (outgoing and incoming), and takes every step of a referral: the receiving country accepts, declines or\nasks for information, starts the services and closes with an outcome; the sending country answers questions or\nwithdraws. A referral left unanswered past its answer due time is overdue, then expires. Messages to and from other countries travel as\nsigned, encrypted envelopes; this API only ever shows the calling country's own records.\n\nErrors are RFC 9457 problem details (`application/problem+json`). Bad input is 400 (malformed, or failing the\nschema) or 422 (well-formed but not acceptable, e.g. consent that does not cover the addressee), with the failing\nfields named in `errors`; 409 means the referral's current status does not allow the action.\n\nField names and picklist values follow the Human Trafficking Case Data Standard (HTCDS) where it defines them.\n\nAccess: every operation that needs a token names, in `x-enlace-right`, the one right it needs (`case.read`,\n`case.write`, `case.answer`, `audit.read`, `flow.read`); which roles hold which right is stated in libs/auth\n(`ROLE_RIGHTS`). A user of another country gets 403 on every operation, whatever their roles.\n",
  },
  servers: [{ url: '/api/v1', description: "Relative to the node's own address." }],
  security: [{ bearerAuth: [] }],
  tags: [
    { name: 'auth', description: 'Tokens for the built-in development issuer.' },
    { name: 'referrals', description: 'Cross-border referrals, outgoing and incoming.' },
    { name: 'health', description: 'Liveness of the node API.' },
  ],
  paths: {
    '/auth/token': {
      post: {
        tags: ['auth'],
        operationId: 'issueToken',
        summary: 'Exchange a username and password for a bearer token.',
        description:
          "Served by the built-in issuer of development and demo nodes. Production nodes validate tokens of the country's identity provider instead.",
        security: [],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/TokenRequest' },
              example: { username: 'co-focal', password: 'correct horse battery staple' },
            },
          },
        },
        responses: {
          '200': {
            description: 'A signed access token.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/TokenResponse' },
                example: {
                  accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjby1mb2NhbCJ9.c2lnbmF0dXJl',
                  tokenType: 'Bearer',
                  expiresIn: 3600,
                },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '429': { $ref: '#/components/responses/TooManyRequests' },
        },
      },
    },
    '/referrals': {
      post: {
        tags: ['referrals'],
        operationId: 'createReferral',
        'x-enlace-right': 'case.write',
        summary: 'Create a referral to another country and send it.',
        description:
          "Creates the referral and queues it for sending to `toCountry`; it is sent only with recorded consent that covers the addressee. The answer is due by the node's configured answer period.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/CreateReferralRequest' },
              example: {
                toCountry: 'EC',
                reason: 'MigrationOrChangeOfLocation',
                reasonDetails: 'Wishes to return to family in Quito; needs shelter on arrival.',
                servicesRequested: ['Health', 'SocialCare'],
                urgency: 'high',
                person: {
                  firstName: 'Ana',
                  secondName: 'Pérez',
                  birthdate: '1998-07-21',
                  gender: 'Female',
                  nationality: 'EC',
                },
                consent: {
                  purpose: 'Referral to services in Ecuador',
                  scope: ['identity', 'health', 'case'],
                  recipients: ['EC'],
                  recordedAt: '2025-03-13T16:00:00Z',
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The referral was created; `Location` names it.',
            headers: {
              Location: {
                description: 'Path of the new referral, e.g. /api/v1/referrals/{id}.',
                schema: { type: 'string' },
              },
            },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReferralView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '422': { $ref: '#/components/responses/Unprocessable' },
        },
      },
      get: {
        tags: ['referrals'],
        operationId: 'listReferrals',
        'x-enlace-right': 'case.read',
        summary: "List the node's referrals, without personal data.",
        parameters: [
          {
            name: 'direction',
            in: 'query',
            required: false,
            description: 'Only outgoing (this country sent them) or incoming (this country received them).',
            schema: { $ref: '#/components/schemas/ReferralDirection' },
          },
          {
            name: 'status',
            in: 'query',
            required: false,
            description: 'Only referrals in this status.',
            schema: { $ref: '#/components/schemas/ReferralStatus' },
          },
          {
            name: 'overdue',
            in: 'query',
            required: false,
            description:
              'true for only the referrals whose answer is overdue: the answer due time has passed and the referral still waits on an answer (sent, delivered or info-requested); false for only the others.',
            schema: { type: 'boolean' },
          },
        ],
        responses: {
          '200': {
            description: 'The matching referrals, most recently updated first.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReferralList' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/referrals/{id}': {
      parameters: [{ $ref: '#/components/parameters/ReferralId' }],
      get: {
        tags: ['referrals'],
        operationId: 'getReferral',
        'x-enlace-right': 'case.read',
        summary: 'Show one referral with its timeline and the actions allowed now.',
        responses: {
          '200': {
            description: 'The referral.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReferralView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/referrals/{id}/accept': {
      parameters: [{ $ref: '#/components/parameters/ReferralId' }],
      post: {
        tags: ['referrals'],
        operationId: 'acceptReferral',
        'x-enlace-right': 'case.answer',
        summary: 'Accept an incoming referral.',
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/AcceptReferralRequest' },
              example: { note: 'Shelter place reserved in Quito from 20 March.' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The referral, now accepted.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReferralView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '422': { $ref: '#/components/responses/Unprocessable' },
        },
      },
    },
    '/referrals/{id}/decline': {
      parameters: [{ $ref: '#/components/parameters/ReferralId' }],
      post: {
        tags: ['referrals'],
        operationId: 'declineReferral',
        'x-enlace-right': 'case.answer',
        summary: 'Decline an incoming referral, with a reason.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/DeclineReferralRequest' },
              example: { reason: 'No shelter capacity for adults in the requested province until June.' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The referral, now declined.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReferralView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '422': { $ref: '#/components/responses/Unprocessable' },
        },
      },
    },
    '/referrals/{id}/request-information': {
      parameters: [{ $ref: '#/components/parameters/ReferralId' }],
      post: {
        tags: ['referrals'],
        operationId: 'requestReferralInformation',
        'x-enlace-right': 'case.answer',
        summary: 'Ask the sending country for information before answering an incoming referral.',
        description:
          'The receiving country asks a question; the referral is info-requested at both ends until the sending country provides the answer. Focal points and supervisors only.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/RequestInformationRequest' },
              example: { question: 'Does the person need a Spanish-speaking psychologist?' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The referral, now info-requested.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReferralView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '422': { $ref: '#/components/responses/Unprocessable' },
        },
      },
    },
    '/referrals/{id}/provide-information': {
      parameters: [{ $ref: '#/components/parameters/ReferralId' }],
      post: {
        tags: ['referrals'],
        operationId: 'provideReferralInformation',
        'x-enlace-right': 'case.write',
        summary: "Answer the receiving country's question on an outgoing referral.",
        description:
          "The sending country answers the open question; the referral is delivered again at both ends and waits for the receiving country's answer.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ProvideInformationRequest' },
              example: { answer: 'Spanish only; a follow-up appointment for a healed fracture is advised.' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The referral, now delivered again.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReferralView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '422': { $ref: '#/components/responses/Unprocessable' },
        },
      },
    },
    '/referrals/{id}/withdraw': {
      parameters: [{ $ref: '#/components/parameters/ReferralId' }],
      post: {
        tags: ['referrals'],
        operationId: 'withdrawReferral',
        'x-enlace-right': 'case.write',
        summary: 'Withdraw an outgoing referral, with a reason.',
        description:
          'The sending country withdraws the referral while it is still open (sent, delivered, info-requested, accepted or in service); the receiving country is told and can no longer act on it.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/WithdrawReferralRequest' },
              example: { reason: 'The person found support through relatives.' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The referral, now withdrawn.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReferralView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '422': { $ref: '#/components/responses/Unprocessable' },
        },
      },
    },
    '/referrals/{id}/start-service': {
      parameters: [{ $ref: '#/components/parameters/ReferralId' }],
      post: {
        tags: ['referrals'],
        operationId: 'startReferralService',
        'x-enlace-right': 'case.answer',
        summary: 'Record that the services of an accepted incoming referral have started.',
        description:
          'The receiving country starts the services it accepted to give; the referral is in-service at both ends until it is closed with an outcome. Focal points and supervisors only.',
        requestBody: {
          required: false,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/StartServiceRequest' }, example: {} },
          },
        },
        responses: {
          '200': {
            description: 'The referral, now in-service.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReferralView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '422': { $ref: '#/components/responses/Unprocessable' },
        },
      },
    },
    '/referrals/{id}/close': {
      parameters: [{ $ref: '#/components/parameters/ReferralId' }],
      post: {
        tags: ['referrals'],
        operationId: 'closeReferral',
        'x-enlace-right': 'case.answer',
        summary: 'Close an incoming referral in service with its outcome.',
        description:
          'Ends the referral loop with an outcome, successful or unsuccessful; an unsuccessful outcome needs a reason (422 without one). The sending country sees the same outcome. Focal points and supervisors only.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/CloseReferralRequest' },
              example: { outcome: 'successful' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The referral, now closed.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReferralView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '422': { $ref: '#/components/responses/Unprocessable' },
        },
      },
    },
    '/health': {
      get: {
        tags: ['health'],
        operationId: 'getHealth',
        summary: 'Liveness of the node API.',
        security: [],
        responses: {
          '200': {
            description: 'The API is up.',
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
          "A JWT of the country's identity provider (production) or of the built-in issuer at POST /auth/token (development and demo). Roles include focal-point, case-worker, supervisor, secretariat and auditor.",
      },
    },
    parameters: {
      ReferralId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'Id of the referral, the same at both ends of the exchange.',
        schema: { type: 'string', format: 'uuid' },
      },
    },
    responses: {
      BadRequest: {
        description: 'The request is malformed or fails the schema; `errors` names the failing fields.',
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/ValidationProblem' },
            example: {
              type: 'about:blank',
              title: 'Bad Request',
              status: 400,
              detail: 'The request body is not valid.',
              errors: [{ field: '/person/firstName', message: 'must NOT have fewer than 1 characters' }],
            },
          },
        },
      },
      Unauthorized: {
        description: 'No valid bearer token, or wrong credentials.',
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/Problem' },
            example: { type: 'about:blank', title: 'Unauthorized', status: 401 },
          },
        },
      },
      Forbidden: {
        description: "The caller's roles do not allow this action.",
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/Problem' },
            example: { type: 'about:blank', title: 'Forbidden', status: 403 },
          },
        },
      },
      TooManyRequests: {
        description:
          'Too many login attempts for this username from this address; `Retry-After` says in how many seconds to try again.',
        headers: {
          'Retry-After': { description: 'Seconds to wait before the next attempt.', schema: { type: 'integer' } },
        },
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/Problem' },
            example: { type: 'about:blank', title: 'Too Many Requests', status: 429 },
          },
        },
      },
      NotFound: {
        description: 'No referral with this id at this node.',
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/Problem' },
            example: { type: 'about:blank', title: 'Not Found', status: 404 },
          },
        },
      },
      Conflict: {
        description: "The referral's current status does not allow this action.",
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/Problem' },
            example: {
              type: 'about:blank',
              title: 'Conflict',
              status: 409,
              detail: 'A referral in status declined cannot be accepted.',
            },
          },
        },
      },
      Unprocessable: {
        description: 'The request is well-formed but cannot be carried out as given; `errors` names the fields.',
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/ValidationProblem' },
            example: {
              type: 'about:blank',
              title: 'Unprocessable Content',
              status: 422,
              detail: 'The consent does not cover the addressee.',
              errors: [{ field: '/consent/recipients', message: 'must include the addressee country' }],
            },
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
      ReferralStatus: {
        description:
          'Status of a referral at this node: draft, sent (only with recorded consent), delivered (receipt came back), info-requested, accepted, declined, withdrawn, consent-withdrawn, expired (no answer in time), in-service, closed.',
        type: 'string',
        enum: [
          'draft',
          'sent',
          'delivered',
          'info-requested',
          'accepted',
          'declined',
          'withdrawn',
          'consent-withdrawn',
          'expired',
          'in-service',
          'closed',
        ],
      },
      ReferralDirection: {
        description: 'outgoing when this country sent the referral, incoming when it received it.',
        type: 'string',
        enum: ['incoming', 'outgoing'],
      },
      ReferralReason: {
        description: 'Why the case is referred out (HTCDS cas_ReasonForOutgoingReferral).',
        'x-htcds': 'cas_ReasonForOutgoingReferral',
        type: 'string',
        enum: ['AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other'],
      },
      ServiceType: {
        description: 'A kind of support (HTCDS spl_Type).',
        'x-htcds': 'spl_Type',
        type: 'string',
        enum: [
          'Education',
          'Financial',
          'Health',
          'LabourExploitationRehabilitation',
          'Legal',
          'Livelihood',
          'RightsBasedTraining',
          'SexualExploitationRehabilitation',
          'SocialCare',
        ],
      },
      Urgency: {
        description: 'How soon the receiving country should act.',
        type: 'string',
        enum: ['low', 'medium', 'high'],
      },
      Gender: {
        description: 'Gender with HTCDS prs_Gender values.',
        'x-htcds': 'prs_Gender',
        type: 'string',
        enum: [
          'Feminine',
          'Masculine',
          'TransgenderFeminine',
          'TransgenderMasculine',
          'NonConforming',
          'NonSpecifiedUnknown',
        ],
      },
      GenderInput: {
        description:
          'Gender with HTCDS prs_Gender values. For ease of use the API also accepts `Female` and `Male` as aliases of `Feminine` and `Masculine`; it stores and returns the HTCDS value.',
        'x-htcds': 'prs_Gender',
        type: 'string',
        enum: [
          'Feminine',
          'Masculine',
          'TransgenderFeminine',
          'TransgenderMasculine',
          'NonConforming',
          'NonSpecifiedUnknown',
          'Female',
          'Male',
        ],
      },
      PersonInput: {
        description: 'The person referred, as given by the caller.',
        type: 'object',
        additionalProperties: false,
        required: ['firstName'],
        properties: {
          firstName: {
            description: 'First name (HTCDS prs_FirstName).',
            'x-htcds': 'prs_FirstName',
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          middleName: {
            description: 'Middle name (HTCDS prs_MiddleName).',
            'x-htcds': 'prs_MiddleName',
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          secondName: {
            description: 'Second name, surname (HTCDS prs_SecondName).',
            'x-htcds': 'prs_SecondName',
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          birthdate: {
            description: 'Date of birth (HTCDS prs_Birthdate).',
            'x-htcds': 'prs_Birthdate',
            type: 'string',
            format: 'date',
          },
          gender: { $ref: '#/components/schemas/GenderInput' },
          nationality: {
            description: 'Nationality, ISO 3166-1 alpha-2 (one entry of HTCDS prs_Citizenship).',
            'x-htcds': 'prs_Citizenship',
            type: 'string',
            pattern: '^[A-Z]{2}$',
          },
        },
      },
      Person: {
        description: 'The person referred. Personal data, shown only to users of this node.',
        type: 'object',
        additionalProperties: false,
        required: ['firstName'],
        properties: {
          firstName: { description: 'First name (HTCDS prs_FirstName).', 'x-htcds': 'prs_FirstName', type: 'string' },
          middleName: {
            description: 'Middle name (HTCDS prs_MiddleName).',
            'x-htcds': 'prs_MiddleName',
            type: 'string',
          },
          secondName: {
            description: 'Second name, surname (HTCDS prs_SecondName).',
            'x-htcds': 'prs_SecondName',
            type: 'string',
          },
          birthdate: {
            description: 'Date of birth (HTCDS prs_Birthdate).',
            'x-htcds': 'prs_Birthdate',
            type: 'string',
            format: 'date',
          },
          gender: { $ref: '#/components/schemas/Gender' },
          nationality: {
            description: 'Nationality, ISO 3166-1 alpha-2 (one entry of HTCDS prs_Citizenship).',
            'x-htcds': 'prs_Citizenship',
            type: 'string',
            pattern: '^[A-Z]{2}$',
          },
        },
      },
      Consent: {
        description:
          "The person's recorded consent: what may be shared, for what, with whom and until when (its presence is HTCDS con_Consent = true).",
        'x-htcds': 'con_Consent',
        type: 'object',
        additionalProperties: false,
        required: ['purpose', 'scope', 'recordedAt'],
        properties: {
          purpose: {
            description: 'What the data may be used for, as explained to the person.',
            type: 'string',
            minLength: 1,
            maxLength: 500,
          },
          scope: {
            description: 'Categories of data the consent covers, e.g. identity, contact, health, case.',
            type: 'array',
            minItems: 1,
            maxItems: 20,
            uniqueItems: true,
            items: { type: 'string', maxLength: 40, pattern: '^[a-z][a-z0-9-]*$' },
          },
          recipients: {
            description: 'Countries the data may be shared with; absent means the addressee of the referral only.',
            type: 'array',
            maxItems: 50,
            uniqueItems: true,
            items: { $ref: '#/components/schemas/CountryCode' },
          },
          recordedAt: { description: 'When the consent was given and recorded.', type: 'string', format: 'date-time' },
          expiresAt: {
            description: 'When the consent ends, if it was given for a limited time.',
            type: 'string',
            format: 'date-time',
          },
        },
      },
      CreateReferralRequest: {
        description: 'A new referral to another country.',
        type: 'object',
        additionalProperties: false,
        required: ['toCountry', 'reason', 'servicesRequested', 'urgency', 'person', 'consent'],
        properties: {
          toCountry: { $ref: '#/components/schemas/CountryCode' },
          reason: { $ref: '#/components/schemas/ReferralReason' },
          reasonDetails: {
            description: 'Details, special arrangements and logistics (HTCDS cas_OutgoingReferralDetails).',
            'x-htcds': 'cas_OutgoingReferralDetails',
            type: 'string',
            minLength: 1,
            maxLength: 2000,
          },
          servicesRequested: {
            description: 'Kinds of support asked of the receiving country.',
            type: 'array',
            minItems: 1,
            maxItems: 9,
            uniqueItems: true,
            items: { $ref: '#/components/schemas/ServiceType' },
          },
          urgency: { $ref: '#/components/schemas/Urgency' },
          person: { $ref: '#/components/schemas/PersonInput' },
          consent: { $ref: '#/components/schemas/Consent' },
        },
      },
      AcceptReferralRequest: {
        description: 'Optional note sent with an acceptance.',
        type: 'object',
        additionalProperties: false,
        properties: {
          note: {
            description: 'Free note for the sending country, e.g. the first appointment or a contact point.',
            type: 'string',
            minLength: 1,
            maxLength: 2000,
          },
        },
      },
      DeclineReferralRequest: {
        description: 'Why the referral is declined.',
        type: 'object',
        additionalProperties: false,
        required: ['reason'],
        properties: {
          reason: {
            description: 'Why the referral is declined, so that the sending country can look for another way.',
            type: 'string',
            minLength: 1,
            maxLength: 2000,
          },
        },
      },
      RequestInformationRequest: {
        description: "The receiving country's question to the sending country.",
        type: 'object',
        additionalProperties: false,
        required: ['question'],
        properties: {
          question: {
            description: 'What the receiving country needs to know before it can answer.',
            type: 'string',
            minLength: 1,
            maxLength: 2000,
          },
        },
      },
      ProvideInformationRequest: {
        description: "The sending country's answer to the open question.",
        type: 'object',
        additionalProperties: false,
        required: ['answer'],
        properties: {
          answer: { description: 'The information asked for.', type: 'string', minLength: 1, maxLength: 4000 },
        },
      },
      WithdrawReferralRequest: {
        description: 'Why the sending country withdraws the referral.',
        type: 'object',
        additionalProperties: false,
        required: ['reason'],
        properties: {
          reason: {
            description: 'Why the referral is withdrawn, so that the receiving country can stop its work on it.',
            type: 'string',
            minLength: 1,
            maxLength: 2000,
          },
        },
      },
      StartServiceRequest: {
        description: 'Nothing more is needed to record that the services started.',
        type: 'object',
        additionalProperties: false,
        properties: {},
      },
      ReferralOutcomeResult: {
        description: 'Whether the referral reached its purpose.',
        type: 'string',
        enum: ['successful', 'unsuccessful'],
      },
      CloseReferralRequest: {
        description:
          'The outcome the referral closes with. An unsuccessful outcome needs a reason: without one the request is refused with 422.',
        type: 'object',
        additionalProperties: false,
        required: ['outcome'],
        properties: {
          outcome: { $ref: '#/components/schemas/ReferralOutcomeResult' },
          reason: {
            description: 'Why the referral closes so (HTCDS cas_ReasonForCaseClosure); required when unsuccessful.',
            'x-htcds': 'cas_ReasonForCaseClosure',
            type: 'string',
            minLength: 1,
            maxLength: 2000,
          },
        },
      },
      ReferralOutcome: {
        description: 'The outcome a closed referral ended with, the same at both ends.',
        type: 'object',
        additionalProperties: false,
        required: ['result'],
        properties: {
          result: { $ref: '#/components/schemas/ReferralOutcomeResult' },
          reason: {
            description: 'Why, when the result is unsuccessful (HTCDS cas_ReasonForCaseClosure).',
            'x-htcds': 'cas_ReasonForCaseClosure',
            type: 'string',
          },
        },
      },
      ReferralAction: {
        description:
          'An action on a referral, named like its endpoint: accept, decline, request-information, start-service and close for the receiving country; provide-information and withdraw for the sending country.',
        type: 'string',
        enum: ['accept', 'decline', 'request-information', 'provide-information', 'withdraw', 'start-service', 'close'],
      },
      TimelineEntry: {
        description: "One step in the referral's history, at either end.",
        type: 'object',
        additionalProperties: false,
        required: ['at', 'event', 'side', 'status'],
        properties: {
          at: { description: 'When the step happened.', type: 'string', format: 'date-time' },
          event: {
            description:
              'What happened, as the protocol names it, e.g. ReferralSent, ReferralDelivered, ReferralAccepted.',
            type: 'string',
          },
          side: { description: 'Which end took the step.', type: 'string', enum: ['sender', 'receiver'] },
          status: { $ref: '#/components/schemas/ReferralStatus' },
          detail: {
            description:
              "The free text that came with the step, as the case worker wrote it: a decline or withdrawal reason, a question and its answer, a note with an acceptance, an outcome. Shown only to this node's users and never logged; case workers are asked to keep the person's identity out of it.",
            type: 'string',
          },
        },
      },
      ReferralSummary: {
        description: 'A referral in a list. Carries no personal data.',
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'direction',
          'fromCountry',
          'toCountry',
          'status',
          'reason',
          'servicesRequested',
          'urgency',
          'createdAt',
          'updatedAt',
          'overdue',
        ],
        properties: {
          id: { description: 'Id of the referral, the same at both ends.', type: 'string', format: 'uuid' },
          direction: { $ref: '#/components/schemas/ReferralDirection' },
          fromCountry: { $ref: '#/components/schemas/CountryCode' },
          toCountry: { $ref: '#/components/schemas/CountryCode' },
          status: { $ref: '#/components/schemas/ReferralStatus' },
          reason: { $ref: '#/components/schemas/ReferralReason' },
          servicesRequested: {
            description: 'Kinds of support asked of the receiving country.',
            type: 'array',
            items: { $ref: '#/components/schemas/ServiceType' },
          },
          urgency: { $ref: '#/components/schemas/Urgency' },
          createdAt: {
            description: 'When the referral was created at this node.',
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            description: 'When the referral last changed at this node.',
            type: 'string',
            format: 'date-time',
          },
          answerDueAt: {
            description: "When the receiving country's answer is due, once sent.",
            type: 'string',
            format: 'date-time',
          },
          overdue: {
            description:
              "True when the answer due time has passed and the referral still waits on an answer (sent, delivered or info-requested); it expires at the sending country's next check.",
            type: 'boolean',
          },
        },
      },
      ReferralList: {
        description: 'A list of referral summaries.',
        type: 'object',
        additionalProperties: false,
        required: ['items'],
        properties: {
          items: {
            description: 'The referrals, most recently updated first.',
            type: 'array',
            items: { $ref: '#/components/schemas/ReferralSummary' },
          },
        },
        examples: [
          {
            items: [
              {
                id: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
                direction: 'outgoing',
                fromCountry: 'CO',
                toCountry: 'EC',
                status: 'delivered',
                reason: 'MigrationOrChangeOfLocation',
                servicesRequested: ['Health', 'SocialCare'],
                urgency: 'high',
                createdAt: '2025-03-14T09:30:00Z',
                updatedAt: '2025-03-14T09:30:02Z',
                answerDueAt: '2025-03-21T09:30:00Z',
                overdue: false,
              },
            ],
          },
        ],
      },
      ReferralView: {
        description:
          'One referral with everything this node may show: personal data (absent once consent is withdrawn or the data was erased), its timeline and the actions the caller may take now.',
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'direction',
          'fromCountry',
          'toCountry',
          'status',
          'reason',
          'servicesRequested',
          'urgency',
          'createdAt',
          'updatedAt',
          'overdue',
          'allowedActions',
          'timeline',
        ],
        properties: {
          id: { description: 'Id of the referral, the same at both ends.', type: 'string', format: 'uuid' },
          direction: { $ref: '#/components/schemas/ReferralDirection' },
          fromCountry: { $ref: '#/components/schemas/CountryCode' },
          toCountry: { $ref: '#/components/schemas/CountryCode' },
          status: { $ref: '#/components/schemas/ReferralStatus' },
          reason: { $ref: '#/components/schemas/ReferralReason' },
          reasonDetails: {
            description: 'Details, special arrangements and logistics (HTCDS cas_OutgoingReferralDetails).',
            'x-htcds': 'cas_OutgoingReferralDetails',
            type: 'string',
          },
          servicesRequested: {
            description: 'Kinds of support asked of the receiving country.',
            type: 'array',
            items: { $ref: '#/components/schemas/ServiceType' },
          },
          urgency: { $ref: '#/components/schemas/Urgency' },
          person: { $ref: '#/components/schemas/Person' },
          consent: { $ref: '#/components/schemas/Consent' },
          answerDueAt: {
            description: "When the receiving country's answer is due, once sent.",
            type: 'string',
            format: 'date-time',
          },
          declineReason: { description: 'Why the receiving country declined, when it did.', type: 'string' },
          informationRequest: {
            description: "The receiving country's open question while the referral is info-requested.",
            type: 'string',
          },
          withdrawalReason: {
            description: 'Why the sending country withdrew the referral, when it did.',
            type: 'string',
          },
          outcome: { $ref: '#/components/schemas/ReferralOutcome' },
          overdue: {
            description:
              "True when the answer due time has passed and the referral still waits on an answer (sent, delivered or info-requested); it expires at the sending country's next check.",
            type: 'boolean',
          },
          createdAt: {
            description: 'When the referral was created at this node.',
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            description: 'When the referral last changed at this node.',
            type: 'string',
            format: 'date-time',
          },
          allowedActions: {
            description:
              "The actions this end of the referral may take now and the caller's roles allow, named like the action endpoints (e.g. accept, decline).",
            type: 'array',
            items: { $ref: '#/components/schemas/ReferralAction' },
          },
          timeline: {
            description: "The referral's history, oldest first.",
            type: 'array',
            items: { $ref: '#/components/schemas/TimelineEntry' },
          },
        },
        examples: [
          {
            id: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
            direction: 'incoming',
            fromCountry: 'CO',
            toCountry: 'EC',
            status: 'delivered',
            reason: 'MigrationOrChangeOfLocation',
            reasonDetails: 'Wishes to return to family in Quito; needs shelter on arrival.',
            servicesRequested: ['Health', 'SocialCare'],
            urgency: 'high',
            person: { firstName: 'Ana', secondName: 'Pérez', gender: 'Feminine', nationality: 'EC' },
            consent: {
              purpose: 'Referral to services in Ecuador',
              scope: ['identity', 'health', 'case'],
              recipients: ['EC'],
              recordedAt: '2025-03-13T16:00:00Z',
            },
            answerDueAt: '2025-03-21T09:30:00Z',
            overdue: false,
            createdAt: '2025-03-14T09:30:02Z',
            updatedAt: '2025-03-14T09:30:02Z',
            allowedActions: ['accept', 'decline', 'request-information'],
            timeline: [
              { at: '2025-03-14T09:30:00Z', event: 'ReferralSent', side: 'sender', status: 'sent' },
              { at: '2025-03-14T09:30:02Z', event: 'ReferralDelivered', side: 'receiver', status: 'delivered' },
            ],
          },
        ],
      },
      TokenRequest: {
        description: 'Credentials of a user of the built-in issuer.',
        type: 'object',
        additionalProperties: false,
        required: ['username', 'password'],
        properties: {
          username: { description: "The user's name.", type: 'string', minLength: 1, maxLength: 100 },
          password: { description: "The user's password.", type: 'string', minLength: 1, maxLength: 200 },
        },
      },
      TokenResponse: {
        description: 'A bearer access token.',
        type: 'object',
        additionalProperties: false,
        required: ['accessToken', 'tokenType', 'expiresIn'],
        properties: {
          accessToken: { description: 'The JWT to send as `Authorization: Bearer <token>`.', type: 'string' },
          tokenType: { description: 'Always Bearer.', type: 'string', const: 'Bearer' },
          expiresIn: { description: 'Seconds until the token expires.', type: 'integer', minimum: 1 },
        },
      },
      Health: {
        description: 'Liveness of the node API.',
        type: 'object',
        additionalProperties: false,
        required: ['status'],
        properties: { status: { description: 'ok when the API is up.', type: 'string' } },
      },
      Problem: {
        description: 'RFC 9457 problem details. Never echoes personal data sent by the client.',
        type: 'object',
        required: ['type', 'title', 'status'],
        properties: {
          type: {
            description: 'URI reference naming the problem type; about:blank when the status says it all.',
            type: 'string',
            format: 'uri-reference',
          },
          title: { description: 'Short summary of the problem type.', type: 'string' },
          status: { description: 'The HTTP status code.', type: 'integer', minimum: 400, maximum: 599 },
          detail: { description: 'Explanation of this occurrence.', type: 'string' },
          instance: { description: 'URI reference of this occurrence.', type: 'string', format: 'uri-reference' },
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
