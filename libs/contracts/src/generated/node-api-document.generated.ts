/* eslint-disable */
// generated from contracts/ — do not edit.
// Source: contracts/openapi/node-api.openapi.yaml
// Regenerate with: npx tsx tools/contracts/generate.ts

export const nodeApiDocument: { readonly [key: string]: unknown } = {
  openapi: '3.1.0',
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
    {
      name: 'returns',
      description: 'Returns of a person to a receiving country, step by step with the child safeguards.',
    },
    {
      name: 'reintegrations',
      description: 'Reintegration of a returned person, with plan, follow-ups and risk review.',
    },
    {
      name: 'exports',
      description:
        "This node's cases for case-management systems, in the shape of the Human Trafficking Case Data Standard.",
    },
    {
      name: 'statistics',
      description:
        "Regional statistics for the secretariat: this node's cases counted per month, protocol and corridor, small cells suppressed before anything leaves the node.",
    },
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
    '/referrals/{id}/person': {
      parameters: [{ $ref: '#/components/parameters/ReferralId' }],
      get: {
        tags: ['referrals'],
        operationId: 'getReferralPerson',
        'x-enlace-right': 'case.read',
        summary: "The person's data of the case: who the person is and the consent they gave, while held.",
        description:
          "The person's data rest encrypted with a key of the case. Once consent was withdrawn, the node erased them (it destroyed the case's key): the answer is then 410 Gone, and the case's own view records the erasure.",
        responses: {
          '200': {
            description: "The person's data of the case.",
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CasePersonView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '410': { $ref: '#/components/responses/Gone' },
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
    '/referrals/{id}/withdraw-consent': {
      parameters: [{ $ref: '#/components/parameters/ReferralId' }],
      post: {
        tags: ['referrals'],
        operationId: 'withdrawReferralConsent',
        'x-enlace-right': 'case.write',
        summary:
          "Either end: the person withdrew consent. The referral stops; both nodes erase the person's data and the other confirms.",
        description:
          "Allowed at either end while the referral is open. This node erases the person's data at once (it destroys the case's key); the other node stops, erases and confirms with consent.erasure-confirmed.v1, which shows in `erasure.confirmedBy`. Afterwards `GET /referrals/{id}/person` answers 410 Gone.",
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/EmptyStepRequest' }, example: {} } },
        },
        responses: {
          '200': {
            description: "The referral, now consent-withdrawn, without the person's data.",
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
    '/returns': {
      post: {
        tags: ['returns'],
        operationId: 'requestReturn',
        'x-enlace-right': 'case.write',
        summary: 'Request the return of a person to another country and send it.',
        description:
          "Only after the person's informed decision, and with consent that covers the receiving country (422 saying why otherwise). The receiving country's verification of nationality is due after the corridor's return step period.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/CreateReturnRequest' },
              example: {
                toCountry: 'BO',
                isChild: false,
                informedDecisionRecordedAt: '2025-05-01T15:00:00Z',
                person: { firstName: 'Rosa', secondName: 'Mamani', gender: 'Female', nationality: 'BO' },
                consent: {
                  purpose: 'Return to Bolivia and reintegration support',
                  scope: ['identity', 'case'],
                  recipients: ['BO'],
                  recordedAt: '2025-05-01T15:00:00Z',
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The return, requested and queued for sending.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '422': { $ref: '#/components/responses/Unprocessable' },
        },
      },
      get: {
        tags: ['returns'],
        operationId: 'listReturns',
        'x-enlace-right': 'case.read',
        summary: "List this node's returns, most recently updated first.",
        parameters: [
          {
            name: 'direction',
            in: 'query',
            required: false,
            description:
              'Only outgoing (this country is the sending end) or incoming (this country is the receiving end).',
            schema: { $ref: '#/components/schemas/CaseDirection' },
          },
          {
            name: 'status',
            in: 'query',
            required: false,
            description: 'Only returns in this status.',
            schema: { $ref: '#/components/schemas/ReturnStatus' },
          },
          {
            name: 'overdue',
            in: 'query',
            required: false,
            description: 'true for only those whose pending step is past its due time; false for only the others.',
            schema: { type: 'boolean' },
          },
        ],
        responses: {
          '200': {
            description: 'The matching returns.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnList' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/returns/{id}': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      get: {
        tags: ['returns'],
        operationId: 'getReturn',
        'x-enlace-right': 'case.read',
        summary: 'Show one return with its timeline across both ends and the steps the caller may take now.',
        responses: {
          '200': {
            description: 'The return.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/returns/{id}/person': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      get: {
        tags: ['returns'],
        operationId: 'getReturnPerson',
        'x-enlace-right': 'case.read',
        summary: "The person's data of the case: who the person is and the consent they gave, while held.",
        description:
          "The person's data rest encrypted with a key of the case. Once consent was withdrawn, the node erased them (it destroyed the case's key): the answer is then 410 Gone, and the case's own view records the erasure.",
        responses: {
          '200': {
            description: "The person's data of the case.",
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CasePersonView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '410': { $ref: '#/components/responses/Gone' },
        },
      },
    },
    '/returns/{id}/verify-nationality': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnVerifyNationality',
        'x-enlace-right': 'case.answer',
        summary: "Receiving country: record the verification of the person's nationality.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ReturnNationalityRequest' },
              example: { outcome: 'confirmed' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/record-risk-assessment': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnRecordRiskAssessment',
        'x-enlace-right': 'case.answer',
        summary: 'Either end: record the joint risk assessment; not safe ends the return.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ReturnRiskAssessmentRequest' },
              example: { result: 'safe' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/appoint-guardian': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnAppointGuardian',
        'x-enlace-right': 'case.answer',
        summary: 'Sending country, child only: record that a guardian was appointed.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/EmptyStepRequest' }, example: {} } },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/record-best-interests': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnRecordBestInterests',
        'x-enlace-right': 'case.answer',
        summary: 'Sending country, child only: record the best-interests determination; against bars the return.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ReturnBestInterestsRequest' },
              example: { result: 'in-favour' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/record-family-assessment': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnRecordFamilyAssessment',
        'x-enlace-right': 'case.answer',
        summary: 'Receiving country, child only: record the family assessment; unsuitable bars the return.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ReturnFamilyAssessmentRequest' },
              example: { result: 'suitable' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/propose-reception-plan': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnProposeReceptionPlan',
        'x-enlace-right': 'case.answer',
        summary: "Receiving country: propose the reception plan (a child's safeguards must be met first).",
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/EmptyStepRequest' }, example: {} } },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/confirm-reception-plan': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnConfirmReceptionPlan',
        'x-enlace-right': 'case.answer',
        summary: 'Sending country: confirm the reception plan.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/EmptyStepRequest' }, example: {} } },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/reject-reception-plan': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnRejectReceptionPlan',
        'x-enlace-right': 'case.answer',
        summary: 'Sending country: send the reception plan back, with why.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ReasonStepRequest' },
              example: { reason: 'The plan names no shelter for the first week.' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/issue-travel-documents': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnIssueTravelDocuments',
        'x-enlace-right': 'case.answer',
        summary: 'Receiving country: record that travel documents are issued.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/EmptyStepRequest' }, example: {} } },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/schedule-travel': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnScheduleTravel',
        'x-enlace-right': 'case.write',
        summary: 'Sending country: schedule (or reschedule) the journey; an unaccompanied child always has an escort.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ReturnTravelRequest' },
              example: {
                travelDate: '2025-06-10T13:00:00Z',
                route: 'EZE-VVI',
                escort: { role: 'social-worker', organisation: 'Ministerio de Desarrollo Social' },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/record-departure': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnRecordDeparture',
        'x-enlace-right': 'case.write',
        summary: 'Sending country: record the departure.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/EmptyStepRequest' }, example: {} } },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/record-no-show': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnRecordNoShow',
        'x-enlace-right': 'case.write',
        summary: 'Sending country: the person did not travel as scheduled.',
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/OptionalReasonStepRequest' }, example: {} },
          },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/record-arrival': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnRecordArrival',
        'x-enlace-right': 'case.write',
        summary: 'Receiving country: record the arrival.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/EmptyStepRequest' }, example: {} } },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/hand-over': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnHandOver',
        'x-enlace-right': 'case.answer',
        summary: 'Receiving country: hand the person over to reintegration; the return is complete.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/EmptyStepRequest' }, example: {} } },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/suspend': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnSuspend',
        'x-enlace-right': 'case.answer',
        summary: 'Either end: suspend the return, with why; only that end resumes it.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ReasonStepRequest' },
              example: { reason: 'Pending a court hearing.' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/resume': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnResume',
        'x-enlace-right': 'case.answer',
        summary: "Either end: lift this end's suspension.",
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/EmptyStepRequest' }, example: {} } },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/cancel-by-person': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnCancelByPerson',
        'x-enlace-right': 'case.write',
        summary: 'Sending country: the person decided not to return.',
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/OptionalReasonStepRequest' }, example: {} },
          },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/returns/{id}/withdraw-consent': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['returns'],
        operationId: 'returnWithdrawConsent',
        'x-enlace-right': 'case.write',
        summary:
          "Either end: the person withdrew consent. The flow stops; both nodes erase the person's data and the other confirms.",
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/EmptyStepRequest' }, example: {} } },
        },
        responses: {
          '200': {
            description: 'The return after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnView' } } },
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
    '/reintegrations': {
      post: {
        tags: ['reintegrations'],
        operationId: 'openReintegration',
        'x-enlace-right': 'case.answer',
        summary: 'Open the reintegration of a person this country received and handed over.',
        description:
          "The plan is due one month after the arrival by default (the corridor's period), follow-ups at the corridor's interval. The sending country is told only where the person consented (shareWithSender).",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/OpenReintegrationRequest' },
              example: {
                returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
                shareWithSender: true,
                consent: {
                  purpose: 'Reintegration follow-up shared with Argentina',
                  recordedAt: '2025-06-11T09:00:00Z',
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The reintegration, opened.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReintegrationView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '422': { $ref: '#/components/responses/Unprocessable' },
        },
      },
      get: {
        tags: ['reintegrations'],
        operationId: 'listReintegrations',
        'x-enlace-right': 'case.read',
        summary: "List this node's reintegrations, most recently updated first.",
        parameters: [
          {
            name: 'direction',
            in: 'query',
            required: false,
            description:
              'Only outgoing (this country is the sending end) or incoming (this country is the receiving end).',
            schema: { $ref: '#/components/schemas/CaseDirection' },
          },
          {
            name: 'status',
            in: 'query',
            required: false,
            description: 'Only reintegrations in this status.',
            schema: { $ref: '#/components/schemas/ReintegrationStatus' },
          },
          {
            name: 'overdue',
            in: 'query',
            required: false,
            description: 'true for only those whose pending step is past its due time; false for only the others.',
            schema: { type: 'boolean' },
          },
        ],
        responses: {
          '200': {
            description: 'The matching reintegrations.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReintegrationList' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/reintegrations/{id}': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      get: {
        tags: ['reintegrations'],
        operationId: 'getReintegration',
        'x-enlace-right': 'case.read',
        summary: 'Show one reintegration with its timeline and the steps the caller may take now.',
        responses: {
          '200': {
            description: 'The reintegration.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReintegrationView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/reintegrations/{id}/person': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      get: {
        tags: ['reintegrations'],
        operationId: 'getReintegrationPerson',
        'x-enlace-right': 'case.read',
        summary: "The person's data of the case: who the person is and the consent they gave, while held.",
        description:
          "The person's data rest encrypted with a key of the case. Once consent was withdrawn, the node erased them (it destroyed the case's key): the answer is then 410 Gone, and the case's own view records the erasure.",
        responses: {
          '200': {
            description: "The person's data of the case.",
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CasePersonView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '410': { $ref: '#/components/responses/Gone' },
        },
      },
    },
    '/reintegrations/{id}/agree-plan': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['reintegrations'],
        operationId: 'reintegrationAgreePlan',
        'x-enlace-right': 'case.answer',
        summary: 'Receiving country: agree the reintegration plan.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ReintegrationPlanRequest' },
              example: { supportTypes: ['Health', 'Livelihood'], plannedEndDate: '2026-06-10T00:00:00Z' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The reintegration after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReintegrationView' } } },
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
    '/reintegrations/{id}/start-implementation': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['reintegrations'],
        operationId: 'reintegrationStartImplementation',
        'x-enlace-right': 'case.write',
        summary: 'Receiving country: start implementing the plan.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/EmptyStepRequest' }, example: {} } },
        },
        responses: {
          '200': {
            description: 'The reintegration after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReintegrationView' } } },
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
    '/reintegrations/{id}/start-monitoring': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['reintegrations'],
        operationId: 'reintegrationStartMonitoring',
        'x-enlace-right': 'case.write',
        summary: 'Receiving country: start monitoring; follow-ups come at the agreed interval.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/EmptyStepRequest' }, example: {} } },
        },
        responses: {
          '200': {
            description: 'The reintegration after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReintegrationView' } } },
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
    '/reintegrations/{id}/report-follow-up': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['reintegrations'],
        operationId: 'reintegrationReportFollowUp',
        'x-enlace-right': 'case.write',
        summary: 'Receiving country: report a follow-up; signs of re-trafficking send the case to risk review.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ReintegrationFollowUpRequest' },
              example: { sequence: 1, wellbeing: 'improving', signsOfRetrafficking: false },
            },
          },
        },
        responses: {
          '200': {
            description: 'The reintegration after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReintegrationView' } } },
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
    '/reintegrations/{id}/resolve-risk-review': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['reintegrations'],
        operationId: 'reintegrationResolveRiskReview',
        'x-enlace-right': 'case.answer',
        summary: 'Receiving country: resolve the risk review: continue monitoring, or re-refer.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ReintegrationRiskReviewRequest' },
              example: { outcome: 'continue', reason: 'Safety plan in place.' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The reintegration after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReintegrationView' } } },
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
    '/reintegrations/{id}/close': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['reintegrations'],
        operationId: 'reintegrationClose',
        'x-enlace-right': 'case.answer',
        summary: 'Receiving country: close the reintegration with a reason.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ReintegrationCloseRequest' },
              example: { reason: 'support-ended' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The reintegration after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReintegrationView' } } },
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
    '/reintegrations/{id}/re-refer': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['reintegrations'],
        operationId: 'reintegrationReRefer',
        'x-enlace-right': 'case.answer',
        summary: 'Receiving country: re-refer the person to other services.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ReasonStepRequest' },
              example: { reason: 'Needs specialised psychological care.' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The reintegration after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReintegrationView' } } },
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
    '/reintegrations/{id}/withdraw-consent': {
      parameters: [{ $ref: '#/components/parameters/CaseId' }],
      post: {
        tags: ['reintegrations'],
        operationId: 'reintegrationWithdrawConsent',
        'x-enlace-right': 'case.write',
        summary: 'Either end: the person withdrew consent; the flow stops and both nodes erase.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/EmptyStepRequest' }, example: {} } },
        },
        responses: {
          '200': {
            description: 'The reintegration after the step.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReintegrationView' } } },
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
    '/exports/htcds.csv': {
      get: {
        tags: ['exports'],
        operationId: 'exportHtcdsCsv',
        'x-enlace-right': 'case.read',
        summary: "Export this node's cases, personal data included, as an HTCDS-shaped CSV file.",
        description:
          'One row per case of the three protocols, with HTCDS 2.0 field names as columns where HTCDS defines the field (cas_Status, cas_ReasonForOutgoingReferral, prs_FirstName, con_Consent, ...) and enl_ names for the rest. An erased person leaves the personal columns empty. Cells a spreadsheet would read as a formula are prefixed with an apostrophe. Only for roles that may see personal data; the audit log records each export.',
        responses: {
          '200': {
            description: 'The CSV file (RFC 4180, a header line, CRLF line ends).',
            headers: {
              'Content-Disposition': {
                description: 'attachment, with a file name naming the country and the day.',
                schema: { type: 'string' },
              },
            },
            content: {
              'text/csv': {
                schema: { type: 'string' },
                example:
                  'enl_CaseId,enl_Protocol,enl_Direction,enl_FromCountry,enl_ToCountry,enl_ProtocolStatus,cas_Status\r\n',
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/statistics/reports': {
      post: {
        tags: ['statistics'],
        operationId: 'publishStatisticsReport',
        'x-enlace-right': 'statistics.publish',
        summary: "Count this node's cases of a month and publish the suppressed report to the secretariat now.",
        description:
          "The node counts its cases opened in the month per protocol and corridor, with breakdowns by sex, age band, nationality and form of exploitation; counts from 1 to k-1 (k = 11 by default) become \"<k\", further cells are withheld so that no published total gives a small one away, and a group below k publishes no breakdown. The report is queued for the courier, which signs it with the node's key and publishes it on the network's statistics topic; the answer is the report exactly as it leaves the node (statistics-report.v1). The node also publishes this month's and the last month's report on its own schedule (once a day by default).",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/PublishStatisticsRequest' },
              example: { month: '2026-03' },
            },
          },
        },
        responses: {
          '202': {
            description: 'The report, queued for the courier.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/StatisticsReport' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
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
      CaseId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'Id of the return or reintegration, the same at both ends of the exchange.',
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
          'A budget of sign-in attempts is spent: attempts on this username from anywhere, from this client address on any usernames, or on this node in all, within the window (ENLACE_LOGIN_*); `Retry-After` says in how many seconds to try again.',
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
        description: 'No referral with this id at this node.',
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/Problem' },
            example: { type: 'about:blank', title: 'Not Found', status: 404 },
          },
        },
      },
      Gone: {
        description: "The person's data of this case were erased after consent was withdrawn; they will not come back.",
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/Problem' },
            example: {
              type: 'urn:enlace:problem:gone',
              title: 'Gone',
              status: 410,
              detail:
                "The person's data of case 0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10 were erased after consent was withdrawn.",
            },
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
            description: 'Date of birth (HTCDS prs_Birthdate), not after today.',
            'x-htcds': 'prs_Birthdate',
            type: 'string',
            format: 'date',
            'x-enlace-not-future': true,
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
            description: 'Date of birth (HTCDS prs_Birthdate), not after today.',
            'x-htcds': 'prs_Birthdate',
            type: 'string',
            format: 'date',
            'x-enlace-not-future': true,
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
          'An action on a referral, named like its endpoint: accept, decline, request-information, start-service and close for the receiving country; provide-information and withdraw for the sending country; withdraw-consent at either end.',
        type: 'string',
        enum: [
          'accept',
          'decline',
          'request-information',
          'provide-information',
          'withdraw',
          'withdraw-consent',
          'start-service',
          'close',
        ],
      },
      UndeliveredMessage: {
        description:
          'A message of the case that the node could not send and set aside, so that later ones still leave.',
        type: 'object',
        additionalProperties: false,
        required: ['type', 'to', 'reason', 'at'],
        properties: {
          type: { description: 'The message type, e.g. referral.requested.v1.', type: 'string' },
          to: { description: 'The country it was addressed to.', type: 'string', pattern: '^[A-Z]{2}$' },
          reason: { description: 'Why it could not be sent (UNKNOWN_RECIPIENT).', type: 'string' },
          at: { description: 'When it was set aside.', type: 'string', format: 'date-time' },
        },
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
          erasure: { $ref: '#/components/schemas/CaseErasure' },
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
          undelivered: {
            description:
              "Messages of this case the node set aside unsent, each with the reason: the addressee has no valid key in the network's directory (UNKNOWN_RECIPIENT). Absent when every message left.",
            type: 'array',
            items: { $ref: '#/components/schemas/UndeliveredMessage' },
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
      CaseDirection: {
        description:
          'outgoing where this country is the sending end of the case, incoming where it is the receiving end.',
        type: 'string',
        enum: ['outgoing', 'incoming'],
      },
      ReturnStatus: {
        description: 'Where a return stands, the same at both ends once messages are delivered.',
        type: 'string',
        enum: [
          'requested',
          'nationality-verified',
          'nationality-not-confirmed',
          'risk-assessed',
          'not-safe',
          'barred',
          'plan-proposed',
          'plan-confirmed',
          'documents-issued',
          'travel-scheduled',
          'no-show',
          'departed',
          'arrived',
          'handed-over',
          'suspended',
          'cancelled',
          'consent-withdrawn',
        ],
      },
      ReintegrationStatus: {
        description: 'Where a reintegration stands.',
        type: 'string',
        enum: [
          'plan-pending',
          'plan-agreed',
          'in-implementation',
          'monitoring',
          'risk-review',
          'closed',
          're-referred',
          'consent-withdrawn',
        ],
      },
      CaseSide: { description: 'An end of the exchange.', type: 'string', enum: ['sender', 'receiver'] },
      ReturnStep: {
        description: 'A step endpoint of a return.',
        type: 'string',
        enum: [
          'verify-nationality',
          'record-risk-assessment',
          'appoint-guardian',
          'record-best-interests',
          'record-family-assessment',
          'propose-reception-plan',
          'confirm-reception-plan',
          'reject-reception-plan',
          'issue-travel-documents',
          'schedule-travel',
          'record-departure',
          'record-no-show',
          'record-arrival',
          'hand-over',
          'suspend',
          'resume',
          'cancel-by-person',
          'withdraw-consent',
        ],
      },
      ReintegrationStep: {
        description: 'A step endpoint of a reintegration.',
        type: 'string',
        enum: [
          'agree-plan',
          'start-implementation',
          'start-monitoring',
          'report-follow-up',
          'resolve-risk-review',
          'close',
          're-refer',
          'withdraw-consent',
        ],
      },
      CreateReturnRequest: {
        description: 'A new return request to another country.',
        type: 'object',
        additionalProperties: false,
        required: ['toCountry', 'isChild', 'informedDecisionRecordedAt', 'person', 'consent'],
        properties: {
          toCountry: { $ref: '#/components/schemas/CountryCode' },
          isChild: {
            description: 'True for a child: guardian, best-interests determination and family assessment then apply.',
            type: 'boolean',
          },
          unaccompanied: {
            description: 'True for an unaccompanied child (always escorted); false by default.',
            type: 'boolean',
          },
          informedDecisionRecordedAt: {
            description: "When the person's informed decision to return was recorded.",
            type: 'string',
            format: 'date-time',
          },
          person: { $ref: '#/components/schemas/PersonInput' },
          consent: { $ref: '#/components/schemas/Consent' },
        },
      },
      EmptyStepRequest: {
        description: 'A step that needs no data.',
        type: 'object',
        additionalProperties: false,
        properties: {},
      },
      ReasonStepRequest: {
        description: 'A step with a reason.',
        type: 'object',
        additionalProperties: false,
        required: ['reason'],
        properties: {
          reason: {
            description: 'Why, in short text without personal data.',
            type: 'string',
            minLength: 1,
            maxLength: 1000,
          },
        },
      },
      OptionalReasonStepRequest: {
        description: 'A step with an optional reason.',
        type: 'object',
        additionalProperties: false,
        properties: {
          reason: {
            description: 'Why, in short text without personal data.',
            type: 'string',
            minLength: 1,
            maxLength: 1000,
          },
        },
      },
      ReturnNationalityRequest: {
        description: 'The verification of nationality; a reason is required when not confirmed.',
        type: 'object',
        additionalProperties: false,
        required: ['outcome'],
        properties: {
          outcome: { description: 'The finding.', type: 'string', enum: ['confirmed', 'not-confirmed'] },
          reason: {
            description: 'Why, in short text without personal data.',
            type: 'string',
            minLength: 1,
            maxLength: 1000,
          },
        },
      },
      ReturnRiskAssessmentRequest: {
        description: 'The joint risk assessment; a reason is required when not safe.',
        type: 'object',
        additionalProperties: false,
        required: ['result'],
        properties: {
          result: { description: 'The finding.', type: 'string', enum: ['safe', 'not-safe'] },
          reason: {
            description: 'Why, in short text without personal data.',
            type: 'string',
            minLength: 1,
            maxLength: 1000,
          },
        },
      },
      ReturnBestInterestsRequest: {
        description: "The child's best-interests determination; a reason is required when against.",
        type: 'object',
        additionalProperties: false,
        required: ['result'],
        properties: {
          result: { description: 'The finding.', type: 'string', enum: ['in-favour', 'against'] },
          reason: {
            description: 'Why, in short text without personal data.',
            type: 'string',
            minLength: 1,
            maxLength: 1000,
          },
        },
      },
      ReturnFamilyAssessmentRequest: {
        description: "The child's family assessment; a reason is required when unsuitable.",
        type: 'object',
        additionalProperties: false,
        required: ['result'],
        properties: {
          result: { description: 'The finding.', type: 'string', enum: ['suitable', 'unsuitable'] },
          reason: {
            description: 'Why, in short text without personal data.',
            type: 'string',
            minLength: 1,
            maxLength: 1000,
          },
        },
      },
      ReturnEscort: {
        description: "Who escorts the person: a role and the organisation, never a person's name.",
        type: 'object',
        additionalProperties: false,
        required: ['role'],
        properties: {
          role: {
            description: "The escort's role.",
            type: 'string',
            enum: [
              'social-worker',
              'case-worker',
              'guardian',
              'medical-staff',
              'law-enforcement',
              'international-organisation',
              'other',
            ],
          },
          organisation: { description: 'The escorting organisation.', type: 'string', minLength: 1, maxLength: 200 },
        },
      },
      ReturnTravelRequest: {
        description: 'The journey: date, route and escort.',
        type: 'object',
        additionalProperties: false,
        required: ['travelDate', 'route'],
        properties: {
          travelDate: { description: 'When the person travels.', type: 'string', format: 'date-time' },
          route: { description: 'The route, as short text.', type: 'string', minLength: 1, maxLength: 300 },
          escort: { $ref: '#/components/schemas/ReturnEscort' },
        },
      },
      CaseTimelineEntry: {
        description: 'One step in the case history, at either end.',
        type: 'object',
        additionalProperties: false,
        required: ['at', 'event', 'side', 'status'],
        properties: {
          at: { description: 'When the step happened.', type: 'string', format: 'date-time' },
          event: { description: 'What happened, as the protocol names it.', type: 'string' },
          side: { $ref: '#/components/schemas/CaseSide' },
          status: { description: 'The status the case was in after the step.', type: 'string' },
          detail: {
            description: 'The finding or reason that came with the step; never personal data.',
            type: 'string',
          },
        },
      },
      CasePersonView: {
        description:
          "The person's data of one case (referral, return or reintegration) while this node holds them: the person and the consent record. They rest encrypted with a key of the case; erasure destroys that key.",
        type: 'object',
        additionalProperties: false,
        required: ['caseId'],
        properties: {
          caseId: { description: 'Id of the case.', type: 'string', format: 'uuid' },
          person: { $ref: '#/components/schemas/Person' },
          consent: { $ref: '#/components/schemas/Consent' },
        },
        examples: [
          {
            caseId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
            person: { firstName: 'Ana', secondName: 'Pérez', gender: 'Feminine', nationality: 'EC' },
            consent: {
              purpose: 'Referral to services in Ecuador',
              scope: ['identity', 'health', 'case'],
              recipients: ['EC'],
              recordedAt: '2025-03-13T16:00:00Z',
            },
          },
        ],
      },
      CaseErasure: {
        description: "The erasure of the person's data after consent was withdrawn.",
        type: 'object',
        additionalProperties: false,
        required: ['erasedAt', 'confirmedBy'],
        properties: {
          erasedAt: { description: 'When this node erased the data.', type: 'string', format: 'date-time' },
          confirmedBy: {
            description: 'The other nodes that confirmed their erasure.',
            type: 'array',
            items: {
              description: 'One confirmation.',
              type: 'object',
              additionalProperties: false,
              required: ['country', 'at'],
              properties: {
                country: { $ref: '#/components/schemas/CountryCode' },
                at: { description: 'When that node erased.', type: 'string', format: 'date-time' },
              },
            },
          },
        },
      },
      CaseLinks: {
        description: 'Other cases of the same person at this node.',
        type: 'object',
        additionalProperties: false,
        properties: {
          returnId: { description: 'The return this case belongs to.', type: 'string', format: 'uuid' },
          reintegrationId: { description: 'The reintegration that followed.', type: 'string', format: 'uuid' },
        },
      },
      ReturnSummary: {
        description: 'A return in a list. Carries no personal data.',
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'direction',
          'fromCountry',
          'toCountry',
          'status',
          'overdue',
          'createdAt',
          'updatedAt',
          'isChild',
          'unaccompanied',
        ],
        properties: {
          id: { description: 'Id of the case, the same at both ends.', type: 'string', format: 'uuid' },
          direction: { $ref: '#/components/schemas/CaseDirection' },
          fromCountry: { $ref: '#/components/schemas/CountryCode' },
          toCountry: { $ref: '#/components/schemas/CountryCode' },
          pendingOn: { $ref: '#/components/schemas/CaseSide' },
          dueAt: { description: 'When the step the case waits on is due.', type: 'string', format: 'date-time' },
          overdue: { description: 'True when the pending step is past its due time.', type: 'boolean' },
          createdAt: { description: 'When the case was created at this node.', type: 'string', format: 'date-time' },
          updatedAt: { description: 'When the case last changed at this node.', type: 'string', format: 'date-time' },
          status: { $ref: '#/components/schemas/ReturnStatus' },
          isChild: { description: 'The person is a child.', type: 'boolean' },
          unaccompanied: { description: 'An unaccompanied child.', type: 'boolean' },
        },
      },
      ReturnList: {
        description: 'A list of return summaries.',
        type: 'object',
        additionalProperties: false,
        required: ['items'],
        properties: {
          items: {
            description: 'The returns, most recently updated first.',
            type: 'array',
            items: { $ref: '#/components/schemas/ReturnSummary' },
          },
        },
      },
      ReturnView: {
        description:
          "One return with everything this node may show: the person's data (absent once erased), findings, timeline and the steps the caller may take now.",
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'direction',
          'fromCountry',
          'toCountry',
          'status',
          'overdue',
          'createdAt',
          'updatedAt',
          'isChild',
          'unaccompanied',
          'timeline',
          'informedDecisionRecordedAt',
          'requestedAt',
          'allowedSteps',
        ],
        properties: {
          id: { description: 'Id of the case, the same at both ends.', type: 'string', format: 'uuid' },
          direction: { $ref: '#/components/schemas/CaseDirection' },
          fromCountry: { $ref: '#/components/schemas/CountryCode' },
          toCountry: { $ref: '#/components/schemas/CountryCode' },
          pendingOn: { $ref: '#/components/schemas/CaseSide' },
          dueAt: { description: 'When the step the case waits on is due.', type: 'string', format: 'date-time' },
          overdue: { description: 'True when the pending step is past its due time.', type: 'boolean' },
          createdAt: { description: 'When the case was created at this node.', type: 'string', format: 'date-time' },
          updatedAt: { description: 'When the case last changed at this node.', type: 'string', format: 'date-time' },
          status: { $ref: '#/components/schemas/ReturnStatus' },
          isChild: { description: 'The person is a child.', type: 'boolean' },
          unaccompanied: { description: 'An unaccompanied child.', type: 'boolean' },
          person: { $ref: '#/components/schemas/Person' },
          consent: { $ref: '#/components/schemas/Consent' },
          erasure: { $ref: '#/components/schemas/CaseErasure' },
          links: { $ref: '#/components/schemas/CaseLinks' },
          undelivered: {
            description:
              "Messages of this case the node set aside unsent, each with the reason: the addressee has no valid key in the network's directory (UNKNOWN_RECIPIENT). Absent when every message left.",
            type: 'array',
            items: { $ref: '#/components/schemas/UndeliveredMessage' },
          },
          timeline: {
            description: 'What happened, when, on which side.',
            type: 'array',
            items: { $ref: '#/components/schemas/CaseTimelineEntry' },
          },
          informedDecisionRecordedAt: {
            description: "When the person's informed decision was recorded.",
            type: 'string',
            format: 'date-time',
          },
          requestedAt: { description: 'When the return was requested.', type: 'string', format: 'date-time' },
          deliveredAt: {
            description: 'When the request reached the receiving country.',
            type: 'string',
            format: 'date-time',
          },
          nationality: {
            description: 'The verification of nationality.',
            type: 'object',
            additionalProperties: false,
            required: ['result', 'at'],
            properties: {
              result: { description: 'The finding.', type: 'string' },
              reason: { description: 'Why.', type: 'string' },
              at: { description: 'When it was recorded.', type: 'string', format: 'date-time' },
            },
          },
          riskAssessment: {
            description: 'The joint risk assessment.',
            type: 'object',
            additionalProperties: false,
            required: ['result', 'at'],
            properties: {
              result: { description: 'The finding.', type: 'string' },
              reason: { description: 'Why.', type: 'string' },
              at: { description: 'When it was recorded.', type: 'string', format: 'date-time' },
            },
          },
          guardianAppointedAt: { description: 'When a guardian was appointed.', type: 'string', format: 'date-time' },
          bestInterests: {
            description: 'The best-interests determination.',
            type: 'object',
            additionalProperties: false,
            required: ['result', 'at'],
            properties: {
              result: { description: 'The finding.', type: 'string' },
              reason: { description: 'Why.', type: 'string' },
              at: { description: 'When it was recorded.', type: 'string', format: 'date-time' },
            },
          },
          familyAssessment: {
            description: 'The family assessment.',
            type: 'object',
            additionalProperties: false,
            required: ['result', 'at'],
            properties: {
              result: { description: 'The finding.', type: 'string' },
              reason: { description: 'Why.', type: 'string' },
              at: { description: 'When it was recorded.', type: 'string', format: 'date-time' },
            },
          },
          missingSafeguards: {
            description: "A child's safeguards still missing, in procedure order.",
            type: 'array',
            items: { type: 'string', enum: ['guardian', 'best-interests', 'family-assessment'] },
          },
          barredBy: {
            description: 'The child safeguards that barred the return.',
            type: 'array',
            items: { type: 'string', enum: ['guardian', 'best-interests', 'family-assessment'] },
          },
          receptionPlanProposedAt: {
            description: 'When the reception plan was proposed.',
            type: 'string',
            format: 'date-time',
          },
          receptionPlanConfirmedAt: { description: 'When it was confirmed.', type: 'string', format: 'date-time' },
          travelDocumentsIssuedAt: {
            description: 'When travel documents were issued.',
            type: 'string',
            format: 'date-time',
          },
          travel: {
            description: 'The scheduled journey.',
            type: 'object',
            additionalProperties: false,
            required: ['travelDate', 'route', 'scheduledAt'],
            properties: {
              travelDate: { description: 'When.', type: 'string', format: 'date-time' },
              route: { description: 'The route.', type: 'string' },
              escort: { $ref: '#/components/schemas/ReturnEscort' },
              scheduledAt: { description: 'When it was scheduled.', type: 'string', format: 'date-time' },
            },
          },
          departedAt: { description: 'When the person departed.', type: 'string', format: 'date-time' },
          arrivedAt: { description: 'When the person arrived.', type: 'string', format: 'date-time' },
          handedOverAt: {
            description: 'When the person was handed over to reintegration.',
            type: 'string',
            format: 'date-time',
          },
          suspension: {
            description: 'The holds on a suspended return.',
            type: 'object',
            additionalProperties: false,
            required: ['from', 'holds'],
            properties: {
              from: { $ref: '#/components/schemas/ReturnStatus' },
              holds: {
                description: 'One hold per end at most.',
                type: 'array',
                items: {
                  description: 'A hold.',
                  type: 'object',
                  additionalProperties: false,
                  required: ['by', 'reason', 'at'],
                  properties: {
                    by: { $ref: '#/components/schemas/CaseSide' },
                    reason: { description: 'Why.', type: 'string' },
                    at: { description: 'When.', type: 'string', format: 'date-time' },
                  },
                },
              },
            },
          },
          cancellationReason: { description: 'Why the person cancelled, when given.', type: 'string' },
          allowedSteps: {
            description: 'The steps the caller may take now.',
            type: 'array',
            items: { $ref: '#/components/schemas/ReturnStep' },
          },
        },
      },
      OpenReintegrationRequest: {
        description: 'Opens the reintegration of a received, handed-over person.',
        type: 'object',
        additionalProperties: false,
        required: ['returnId', 'shareWithSender', 'consent'],
        properties: {
          returnId: {
            description: 'The handed-over return this reintegration follows.',
            type: 'string',
            format: 'uuid',
          },
          shareWithSender: {
            description: 'The person consented to tell the sending country of the reintegration and its follow-ups.',
            type: 'boolean',
          },
          consent: {
            description: 'The reintegration consent.',
            type: 'object',
            additionalProperties: false,
            required: ['purpose', 'recordedAt'],
            properties: {
              purpose: { description: 'What for.', type: 'string', minLength: 1, maxLength: 500 },
              recordedAt: { description: 'When recorded.', type: 'string', format: 'date-time' },
              expiresAt: { description: 'Until when.', type: 'string', format: 'date-time' },
            },
          },
          followUpIntervalDays: {
            description: "Days between follow-up reports; the corridor's agreed interval by default.",
            type: 'integer',
            minimum: 1,
            maximum: 3660,
          },
        },
      },
      ReintegrationPlanRequest: {
        description: 'The agreed plan.',
        type: 'object',
        additionalProperties: false,
        required: ['supportTypes', 'plannedEndDate'],
        properties: {
          supportTypes: {
            description: 'Kinds of support (HTCDS spl_Type).',
            type: 'array',
            minItems: 1,
            maxItems: 9,
            uniqueItems: true,
            items: { $ref: '#/components/schemas/ServiceType' },
          },
          plannedEndDate: { description: 'When the support is planned to end.', type: 'string', format: 'date-time' },
        },
      },
      ReintegrationFollowUpRequest: {
        description: 'A follow-up report.',
        type: 'object',
        additionalProperties: false,
        required: ['sequence', 'wellbeing', 'signsOfRetrafficking'],
        properties: {
          sequence: {
            description: '1 for the first report, then one more for each.',
            type: 'integer',
            minimum: 1,
            maximum: 1000,
          },
          wellbeing: {
            description: 'How the person is doing.',
            type: 'string',
            enum: ['stable', 'improving', 'deteriorating'],
          },
          signsOfRetrafficking: { description: 'Signs of re-trafficking were found.', type: 'boolean' },
        },
      },
      ReintegrationRiskReviewRequest: {
        description: 'The outcome of a risk review.',
        type: 'object',
        additionalProperties: false,
        required: ['outcome', 'reason'],
        properties: {
          outcome: { description: 'Continue monitoring, or re-refer.', type: 'string', enum: ['continue', 're-refer'] },
          reason: { description: 'Why.', type: 'string', minLength: 1, maxLength: 1000 },
        },
      },
      ReintegrationCloseRequest: {
        description: 'Closes the reintegration.',
        type: 'object',
        additionalProperties: false,
        required: ['reason'],
        properties: {
          reason: {
            description: 'Why it closes.',
            type: 'string',
            enum: ['support-ended', 'opted-out', 'moved', 'no-longer-eligible', 'died'],
          },
        },
      },
      ReintegrationSummary: {
        description: 'A reintegration in a list. Carries no personal data.',
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'direction',
          'fromCountry',
          'toCountry',
          'status',
          'overdue',
          'createdAt',
          'updatedAt',
          'followUpCount',
        ],
        properties: {
          id: { description: 'Id of the case, the same at both ends.', type: 'string', format: 'uuid' },
          direction: { $ref: '#/components/schemas/CaseDirection' },
          fromCountry: { $ref: '#/components/schemas/CountryCode' },
          toCountry: { $ref: '#/components/schemas/CountryCode' },
          pendingOn: { $ref: '#/components/schemas/CaseSide' },
          dueAt: { description: 'When the step the case waits on is due.', type: 'string', format: 'date-time' },
          overdue: { description: 'True when the pending step is past its due time.', type: 'boolean' },
          createdAt: { description: 'When the case was created at this node.', type: 'string', format: 'date-time' },
          updatedAt: { description: 'When the case last changed at this node.', type: 'string', format: 'date-time' },
          status: { $ref: '#/components/schemas/ReintegrationStatus' },
          returnId: { description: 'The return it follows.', type: 'string', format: 'uuid' },
          followUpCount: { description: 'Follow-up reports so far.', type: 'integer', minimum: 0 },
        },
      },
      ReintegrationList: {
        description: 'A list of reintegration summaries.',
        type: 'object',
        additionalProperties: false,
        required: ['items'],
        properties: {
          items: {
            description: 'The reintegrations, most recently updated first.',
            type: 'array',
            items: { $ref: '#/components/schemas/ReintegrationSummary' },
          },
        },
      },
      ReintegrationView: {
        description: 'One reintegration with its plan, follow-ups, timeline and the steps the caller may take now.',
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'direction',
          'fromCountry',
          'toCountry',
          'status',
          'overdue',
          'createdAt',
          'updatedAt',
          'followUpCount',
          'timeline',
          'arrivedAt',
          'planDueAt',
          'followUpIntervalDays',
          'shareWithSender',
          'openedAt',
          'allowedSteps',
        ],
        properties: {
          id: { description: 'Id of the case, the same at both ends.', type: 'string', format: 'uuid' },
          direction: { $ref: '#/components/schemas/CaseDirection' },
          fromCountry: { $ref: '#/components/schemas/CountryCode' },
          toCountry: { $ref: '#/components/schemas/CountryCode' },
          pendingOn: { $ref: '#/components/schemas/CaseSide' },
          dueAt: { description: 'When the step the case waits on is due.', type: 'string', format: 'date-time' },
          overdue: { description: 'True when the pending step is past its due time.', type: 'boolean' },
          createdAt: { description: 'When the case was created at this node.', type: 'string', format: 'date-time' },
          updatedAt: { description: 'When the case last changed at this node.', type: 'string', format: 'date-time' },
          status: { $ref: '#/components/schemas/ReintegrationStatus' },
          returnId: { description: 'The return it follows.', type: 'string', format: 'uuid' },
          followUpCount: { description: 'Follow-up reports so far.', type: 'integer', minimum: 0 },
          person: { $ref: '#/components/schemas/Person' },
          consent: { $ref: '#/components/schemas/Consent' },
          erasure: { $ref: '#/components/schemas/CaseErasure' },
          links: { $ref: '#/components/schemas/CaseLinks' },
          undelivered: {
            description:
              "Messages of this case the node set aside unsent, each with the reason: the addressee has no valid key in the network's directory (UNKNOWN_RECIPIENT). Absent when every message left.",
            type: 'array',
            items: { $ref: '#/components/schemas/UndeliveredMessage' },
          },
          timeline: {
            description: 'What happened, when, on which side.',
            type: 'array',
            items: { $ref: '#/components/schemas/CaseTimelineEntry' },
          },
          arrivedAt: { description: 'When the person arrived.', type: 'string', format: 'date-time' },
          planDueAt: { description: 'When the plan is due.', type: 'string', format: 'date-time' },
          followUpIntervalDays: { description: 'Days between follow-ups.', type: 'integer' },
          shareWithSender: { description: 'The sending country is told.', type: 'boolean' },
          openedAt: { description: 'When it was opened.', type: 'string', format: 'date-time' },
          plan: {
            description: 'The agreed plan.',
            type: 'object',
            additionalProperties: false,
            required: ['supportTypes', 'plannedEndDate', 'agreedAt', 'agreedLate'],
            properties: {
              supportTypes: {
                description: 'Kinds of support.',
                type: 'array',
                items: { $ref: '#/components/schemas/ServiceType' },
              },
              plannedEndDate: { description: 'Planned end.', type: 'string', format: 'date-time' },
              agreedAt: { description: 'When agreed.', type: 'string', format: 'date-time' },
              agreedLate: { description: 'Agreed after the due time.', type: 'boolean' },
            },
          },
          implementationStartedAt: { description: 'When implementation started.', type: 'string', format: 'date-time' },
          monitoringStartedAt: { description: 'When monitoring started.', type: 'string', format: 'date-time' },
          lastFollowUp: {
            description: 'The last follow-up report.',
            type: 'object',
            additionalProperties: false,
            required: ['sequence', 'wellbeing', 'signsOfRetrafficking', 'at'],
            properties: {
              sequence: { description: 'Its number.', type: 'integer' },
              wellbeing: { description: 'How the person is doing.', type: 'string' },
              signsOfRetrafficking: { description: 'Signs found.', type: 'boolean' },
              at: { description: 'When.', type: 'string', format: 'date-time' },
            },
          },
          nextFollowUpDueAt: { description: 'When the next follow-up is due.', type: 'string', format: 'date-time' },
          riskReview: { description: 'The latest risk review.', type: 'object' },
          closure: { description: 'Why and when it closed.', type: 'object' },
          reReferral: { description: 'Why and when it was re-referred.', type: 'object' },
          allowedSteps: {
            description: 'The steps the caller may take now.',
            type: 'array',
            items: { $ref: '#/components/schemas/ReintegrationStep' },
          },
        },
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
      PublishStatisticsRequest: {
        description: 'Which month to count; this month when absent.',
        type: 'object',
        additionalProperties: false,
        properties: {
          month: {
            description: 'The calendar month (UTC) in which the cases counted were opened, YYYY-MM.',
            type: 'string',
            pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$',
          },
        },
      },
      StatisticsCount: {
        description:
          'A count of at least k, "<k" for 1 to k-1, or "withheld" (hidden so that a total does not give a small one away).',
        oneOf: [
          { type: 'integer', minimum: 2 },
          { type: 'string', pattern: '^(<[0-9]{1,4}|withheld)$' },
        ],
      },
      StatisticsBreakdown: {
        description: "A group's cases by one dimension (categories with at least one case), or withheld whole.",
        oneOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['cells'],
            properties: {
              cells: {
                description: 'One cell per category, in category order.',
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['category', 'count'],
                  properties: {
                    category: {
                      description:
                        'An HTCDS gender, an age band, an ISO 3166-1 country, a form of exploitation, or unknown.',
                      type: 'string',
                      pattern: '^[A-Za-z0-9+-]{1,40}$',
                    },
                    count: { $ref: '#/components/schemas/StatisticsCount' },
                  },
                },
              },
            },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['withheld'],
            properties: {
              withheld: {
                description:
                  'No set of suppressed cells protects the small ones, so nothing of the breakdown is published.',
                type: 'boolean',
                enum: [true],
              },
            },
          },
        ],
      },
      StatisticsReport: {
        description: "A node's suppressed counts of its cases of one month (the message statistics-report.v1).",
        type: 'object',
        additionalProperties: false,
        required: ['reportId', 'network', 'country', 'month', 'generatedAt', 'threshold', 'groups'],
        properties: {
          reportId: { description: 'Unique id of the report.', type: 'string', format: 'uuid' },
          network: { description: "The network's name.", type: 'string' },
          country: { $ref: '#/components/schemas/CountryCode' },
          month: { description: 'The month counted, YYYY-MM.', type: 'string' },
          generatedAt: { description: 'When the node counted.', type: 'string', format: 'date-time' },
          threshold: { description: 'k; counts from 1 to k-1 are never published.', type: 'integer' },
          groups: {
            description: 'One entry per protocol and corridor with at least one case.',
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['protocol', 'fromCountry', 'toCountry', 'total', 'breakdowns'],
              properties: {
                protocol: {
                  description: 'The protocol of the cases counted.',
                  type: 'string',
                  enum: ['referral', 'return', 'reintegration'],
                },
                fromCountry: { $ref: '#/components/schemas/CountryCode' },
                toCountry: { $ref: '#/components/schemas/CountryCode' },
                total: { $ref: '#/components/schemas/StatisticsCount' },
                breakdowns: {
                  description: "The group's cases by each dimension, one at a time.",
                  type: 'object',
                  additionalProperties: false,
                  required: ['sex', 'ageBand', 'nationality', 'exploitation'],
                  properties: {
                    sex: { $ref: '#/components/schemas/StatisticsBreakdown' },
                    ageBand: { $ref: '#/components/schemas/StatisticsBreakdown' },
                    nationality: { $ref: '#/components/schemas/StatisticsBreakdown' },
                    exploitation: { $ref: '#/components/schemas/StatisticsBreakdown' },
                  },
                },
              },
            },
          },
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
