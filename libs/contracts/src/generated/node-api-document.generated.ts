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
      "Each country runs its own node. This API creates referrals to other countries, lists and shows the node's\nreferrals (outgoing and incoming), and takes every step of a referral: the receiving country accepts, declines or\nasks for information, starts the services and closes with an outcome; the sending country answers questions or\nwithdraws. A referral left unanswered past its answer due time is overdue, then expires. Messages to and from other countries travel as\nsigned, encrypted envelopes; this API only ever shows the calling country's own records.\n\nErrors are RFC 9457 problem details (`application/problem+json`). Bad input is 400 (malformed, or failing the\nschema) or 422 (well-formed but not acceptable, e.g. consent that does not cover the addressee), with the failing\nfields named in `errors`; 409 means the referral's current status does not allow the action.\n\nField names and picklist values follow the Human Trafficking Case Data Standard (HTCDS) where it defines them.\n\nAccess: every operation that needs a token names, in `x-enlace-right`, the one right it needs (`case.read`,\n`case.write`, `case.answer`, `case.share`, `reintegration.decide`, `reintegration.record`, `intake.record`,\n`intake.read`, `intake.screen`, `intake.convert`, `audit.read`, `flow.read`, `session.read`, `inbox.manage`,\n`statistics.publish`, `document.attach`, `document.read`); which roles hold which right is stated in libs/auth\n(`ROLE_RIGHTS`). A user of another country gets 403 on every operation, whatever their roles.\n\nOnly a focal point speaks for the country: every step that sends a message across the border (a referral's or a\nreturn's, a document attached, a reintegration's step that tells the sending country) is a focal point's of the\nnode's gateway agency, and anyone else gets 403 before anything is written.\n",
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
      name: 'intakes',
      description:
        'Reports taken at this node (hotline, outreach, shelters), screened, and turned into referrals or returns.',
    },
    {
      name: 'agencies',
      description:
        "The organisations of this country's node, each with its own users: a user sees only the cases and intakes of their agency and those a supervisor shared with it. Other countries see the country, never the agency.",
    },
    {
      name: 'exports',
      description:
        "This node's cases for case-management systems, in the shape of the Human Trafficking Case Data Standard.",
    },
    {
      name: 'notifications',
      description:
        'What a user asks to be told, by e-mail or signed webhook: a new incoming case, an answer, a step due soon or overdue. A notification names the case id and the step and links to the console, never a person.',
    },
    {
      name: 'inbox',
      description:
        'Messages this node received and receipted but has not applied: set aside (kept, with their payload sealed, and applied again by a supervisor once the cause is fixed) or waiting for the message they follow.',
    },
    {
      name: 'statistics',
      description:
        "Regional statistics for the secretariat: this node's cases counted per month, protocol and corridor, small cells suppressed before anything leaves the node.",
    },
    {
      name: 'documents',
      description:
        "Documents attached to a case (an identity or travel document, a medical or social report, a signed consent form): sealed at rest with the case's key, sent to the other end of the case in chunks, reassembled and checked against their digest there, erased with the case.",
    },
    {
      name: 'audit',
      description:
        "The node's audit log of who read or changed what, for its auditors: sequence, time, user, action, the ids of what was touched and the outcome, never a person's data.",
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
    '/auth/me': {
      get: {
        tags: ['auth'],
        operationId: 'whoAmI',
        'x-enlace-right': 'session.read',
        summary: 'Who the node takes the caller for.',
        description:
          "The name, country and roles the node reads from the caller's token, after the identity provider's role mapping (ENLACE_OIDC_ROLE_MAP). A console signed in through the country's identity provider asks it to know what to show; the node decides again on every operation.",
        responses: {
          '200': {
            description: 'The caller as the node sees them.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/CurrentUser' },
                example: { username: 'maria.gomez', country: 'CO', roles: ['focal-point'] },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/agencies': {
      get: {
        tags: ['agencies'],
        operationId: 'listAgencies',
        'x-enlace-right': 'session.read',
        summary: "The agencies of this node, its gateway agency and the caller's.",
        description:
          "The agencies a case may be shared with (ENLACE_AGENCIES), the one whose users send and answer across the border (ENLACE_GATEWAY_AGENCY), and the caller's own.",
        responses: {
          '200': {
            description: "The node's agencies.",
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/NodeAgencies' },
                example: {
                  agencies: ['co-police', 'co-migration', 'co-shelter'],
                  gateway: 'co-police',
                  yours: 'co-migration',
                },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/cases/{id}/shares': {
      parameters: [{ $ref: '#/components/parameters/SharedCaseId' }],
      get: {
        tags: ['agencies'],
        operationId: 'listCaseShares',
        'x-enlace-right': 'case.read',
        summary: 'The agency that owns a case or an intake and the agencies it is shared with.',
        description:
          "For a case of any protocol or an intake the caller's agency owns or was given. A record the caller's agency may not read answers 404, as one that does not exist.",
        responses: {
          '200': {
            description: 'The owner and the shares.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CaseSharing' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/cases/{id}/shares/{agency}': {
      parameters: [{ $ref: '#/components/parameters/SharedCaseId' }, { $ref: '#/components/parameters/AgencyId' }],
      put: {
        tags: ['agencies'],
        operationId: 'shareCase',
        'x-enlace-right': 'case.share',
        summary: "Share a case or an intake of the caller's agency with another agency of this node.",
        description:
          "A supervisor of the owning agency gives another agency of the node the case (or the intake), with a reason; the audit log records who shared what with whom. Sharing again replaces the reason. An agency the case was shared with may read it but not pass it on (403); an agency that is not the node's answers 422; the owning agency itself 409.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ShareCaseRequest' },
              example: { reason: 'Migration status to be regularised before the referral.' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The owner and the shares after the change.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CaseSharing' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '422': { $ref: '#/components/responses/Unprocessable' },
        },
      },
      delete: {
        tags: ['agencies'],
        operationId: 'unshareCase',
        'x-enlace-right': 'case.share',
        summary: 'Take a case or an intake back from an agency it was shared with.',
        description:
          "A supervisor of the owning agency takes the share back; that agency's users no longer read the case. 404 when it was not shared with that agency.",
        responses: {
          '200': {
            description: 'The owner and the shares after the change.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CaseSharing' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
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
        summary: "List the node's referrals a page at a time, without personal data.",
        description:
          "A page of the node's referrals that match every filter given, in the order of `sort` (most recently updated first by default). Paging: ask without `cursor` for the first page; while the answer has a `nextCursor`, ask again with `cursor` set to it and the same filters and sort to get the next page. Each referral that matches appears on exactly one page, whatever changes in between moves it: a case that changes while you page may move to a page you have read (sort by creation for a stable walk). At most `limit` items (default 50, at most 200); a larger limit is refused with 400, never cut silently. `q` searches the node's own referrals by case id (the whole id, or its first 8 characters or more) or by the person's name (every word given must be one of the person's names, accents and case aside); `initials` are given to callers who may work on cases (rights `case.write`), while the person's data are held.",
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
          { $ref: '#/components/parameters/ListStage' },
          { $ref: '#/components/parameters/ListCounterpart' },
          { $ref: '#/components/parameters/ListAgency' },
          { $ref: '#/components/parameters/ListUrgency' },
          { $ref: '#/components/parameters/ListDueBefore' },
          { $ref: '#/components/parameters/ListCreatedFrom' },
          { $ref: '#/components/parameters/ListCreatedTo' },
          { $ref: '#/components/parameters/ListSearch' },
          { $ref: '#/components/parameters/ListSort' },
          { $ref: '#/components/parameters/ListLimit' },
          { $ref: '#/components/parameters/ListCursor' },
        ],
        responses: {
          '200': {
            description: 'The matching referrals, most recently updated first.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReferralList' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '422': { $ref: '#/components/responses/Unprocessable' },
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
          'The receiving country asks a question; the referral is info-requested at both ends until the sending country provides the answer. Focal points only.',
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
          'The receiving country starts the services it accepted to give; the referral is in-service at both ends until it is closed with an outcome. Focal points only.',
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
          'Ends the referral loop with an outcome, successful or unsuccessful; an unsuccessful outcome needs a reason (422 without one). The sending country sees the same outcome. Focal points only.',
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
        summary: "List this node's returns a page at a time, most recently updated first by default.",
        description:
          "Paged, filtered and searched as the referrals are (see listReferrals): `cursor` is the previous page's `nextCursor`, `limit` at most 200, `q` a case id or the person's names.",
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
          { $ref: '#/components/parameters/ListStage' },
          { $ref: '#/components/parameters/ListCounterpart' },
          { $ref: '#/components/parameters/ListAgency' },
          { $ref: '#/components/parameters/ListDueBefore' },
          { $ref: '#/components/parameters/ListCreatedFrom' },
          { $ref: '#/components/parameters/ListCreatedTo' },
          { $ref: '#/components/parameters/ListSearch' },
          { $ref: '#/components/parameters/ListSort' },
          { $ref: '#/components/parameters/ListLimit' },
          { $ref: '#/components/parameters/ListCursor' },
        ],
        responses: {
          '200': {
            description: 'The matching returns.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReturnList' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '422': { $ref: '#/components/responses/Unprocessable' },
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
        'x-enlace-right': 'reintegration.decide',
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
        summary: "List this node's reintegrations a page at a time, most recently updated first by default.",
        description:
          "Paged, filtered and searched as the referrals are (see listReferrals): `cursor` is the previous page's `nextCursor`, `limit` at most 200, `q` a case id or the person's names.",
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
          { $ref: '#/components/parameters/ListStage' },
          { $ref: '#/components/parameters/ListCounterpart' },
          { $ref: '#/components/parameters/ListAgency' },
          { $ref: '#/components/parameters/ListDueBefore' },
          { $ref: '#/components/parameters/ListCreatedFrom' },
          { $ref: '#/components/parameters/ListCreatedTo' },
          { $ref: '#/components/parameters/ListSearch' },
          { $ref: '#/components/parameters/ListSort' },
          { $ref: '#/components/parameters/ListLimit' },
          { $ref: '#/components/parameters/ListCursor' },
        ],
        responses: {
          '200': {
            description: 'The matching reintegrations.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReintegrationList' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '422': { $ref: '#/components/responses/Unprocessable' },
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
        'x-enlace-right': 'reintegration.decide',
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
        'x-enlace-right': 'reintegration.record',
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
        'x-enlace-right': 'reintegration.record',
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
        'x-enlace-right': 'reintegration.record',
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
        'x-enlace-right': 'reintegration.decide',
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
        'x-enlace-right': 'reintegration.decide',
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
        'x-enlace-right': 'reintegration.decide',
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
        'x-enlace-right': 'reintegration.record',
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
    '/intakes': {
      post: {
        tags: ['intakes'],
        operationId: 'recordIntake',
        'x-enlace-right': 'intake.record',
        summary: 'Record an intake, a report taken at this node (a hotline call, an outreach worker, a shelter).',
        description:
          "Records what is known, which may be little: how the report came, who reported, what is known of the possible victim, the signs of trafficking observed (HTCDS indicator values), the urgency and, where the person could give it, their consent. The intake stays at this node: no message leaves for another country unless a focal point turns it into a referral or a return. The reporter's and the person's data rest sealed under a key of the intake.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/RecordIntakeRequest' },
              example: {
                channel: 'hotline',
                reporter: { relationship: 'self' },
                person: {
                  firstName: 'Ana',
                  approximateAge: 24,
                  gender: 'Female',
                  nationality: 'CO',
                  lastKnownPlace: 'Quito, near the bus terminal',
                  believedCountry: 'EC',
                },
                indicators: {
                  typeOfExploitation: ['SexualExploitation'],
                  methodsOfControl: ['WithholdsDocuments', 'DebtBondage'],
                  methodOfRecruitment: ['ThroughOnlineSocialNetworks'],
                },
                situation: 'Called from a borrowed phone; was promised work in a restaurant.',
                urgency: 'high',
                consent: {
                  purpose: 'Assistance and referral to services in Ecuador',
                  scope: ['identity', 'case'],
                  recipients: ['EC'],
                  recordedAt: '2026-03-13T16:00:00Z',
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The intake was recorded; `Location` names it.',
            headers: {
              Location: {
                description: 'Path of the new intake, e.g. /api/v1/intakes/{id}.',
                schema: { type: 'string' },
              },
            },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/IntakeView' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
      get: {
        tags: ['intakes'],
        operationId: 'listIntakes',
        'x-enlace-right': 'intake.read',
        summary: "List this node's intakes, without personal data, the most recently changed first.",
        description: "At most 500 intakes, as the node's other lists; narrow the list by status.",
        parameters: [
          {
            name: 'status',
            in: 'query',
            required: false,
            description: 'Only intakes in this status.',
            schema: { $ref: '#/components/schemas/IntakeStatus' },
          },
        ],
        responses: {
          '200': {
            description: 'The intakes.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/IntakeList' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/intakes/{id}': {
      parameters: [{ $ref: '#/components/parameters/IntakeId' }],
      get: {
        tags: ['intakes'],
        operationId: 'getIntake',
        'x-enlace-right': 'intake.read',
        summary: "Show one intake, the reporter's and the person's data included.",
        description: 'The read is recorded in the audit log before the data are served.',
        responses: {
          '200': {
            description: 'The intake.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/IntakeView' } } },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/intakes/{id}/screen': {
      parameters: [{ $ref: '#/components/parameters/IntakeId' }],
      post: {
        tags: ['intakes'],
        operationId: 'screenIntake',
        'x-enlace-right': 'intake.screen',
        summary: 'Screen an intake as a presumed victim, not a case, or needing more information.',
        description:
          'A recorded intake, or one that needed more information, is screened; not a case and more information need a reason (422 without one). Another status answers 409.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ScreenIntakeRequest' },
              example: { outcome: 'presumed-victim' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The intake after the screening.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/IntakeView' } } },
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
    '/intakes/{id}/merge': {
      parameters: [{ $ref: '#/components/parameters/IntakeId' }],
      post: {
        tags: ['intakes'],
        operationId: 'mergeIntake',
        'x-enlace-right': 'intake.screen',
        summary: 'Merge an intake into an existing case of the same person.',
        description:
          "A supervisor finds that the report is about the person of a referral or a return this node already holds (and the caller's agency may read): the intake joins that case instead of making a new one, and names it. A recorded intake, one that needed more information, or a presumed victim may be merged; another status answers 409. A case that does not exist, that the caller's agency may not read, or of another protocol answers 422.",
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/MergeIntakeRequest' } } },
        },
        responses: {
          '200': {
            description: 'The intake, merged.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/IntakeView' } } },
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
    '/intakes/{id}/erase': {
      parameters: [{ $ref: '#/components/parameters/IntakeId' }],
      post: {
        tags: ['intakes'],
        operationId: 'eraseIntake',
        'x-enlace-right': 'intake.screen',
        summary: "Erase the reporter's and the person's data of an intake.",
        description:
          "Destroys the key the intake's personal data rest under, so that no copy left in the database can be read again; the intake keeps what names no one (status, channel, urgency, indicators, timeline) and takes no further step (409). A referral or return the intake became keeps its own data. The audit log records who erased when.",
        responses: {
          '200': {
            description: 'The intake after the erasure, without personal data.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/IntakeView' } } },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
    '/intakes/{id}/referral': {
      parameters: [{ $ref: '#/components/parameters/IntakeId' }],
      post: {
        tags: ['intakes'],
        operationId: 'referIntake',
        'x-enlace-right': 'intake.convert',
        summary: 'Turn an intake screened as a presumed victim into a referral to another country, and send it.',
        description:
          "The referral carries what the intake holds (the person, the urgency, the consent, the situation as the reason's details) and what the body adds: the addressee, the reason and the services, and whatever the intake lacks (a consent, a first name). A field of the body wins over the intake's. The referral and the intake name each other (`links.intakeId`, `case`), in one transaction. 409 unless the intake is a presumed victim not yet turned into a case; 422 when what results is not a valid referral (the fields are named) or its consent does not cover the addressee.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/IntakeReferralRequest' },
              example: {
                toCountry: 'EC',
                reason: 'AdditionalServicesRequired',
                servicesRequested: ['Health', 'SocialCare', 'Legal'],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The referral was created and queued for sending; `Location` names it.',
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
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '422': { $ref: '#/components/responses/Unprocessable' },
        },
      },
    },
    '/intakes/{id}/return': {
      parameters: [{ $ref: '#/components/parameters/IntakeId' }],
      post: {
        tags: ['intakes'],
        operationId: 'requestReturnOfIntake',
        'x-enlace-right': 'intake.convert',
        summary: 'Turn an intake screened as a presumed victim into a return request to another country.',
        description:
          "The return carries the intake's person and consent, and what the body adds: the receiving country, when the person's informed decision was recorded, and whatever the intake lacks. Whether the person is a child comes from the body, else from the intake's approximate age (422 when neither tells). The return and the intake name each other, in one transaction. 409 unless the intake is a presumed victim not yet turned into a case.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/IntakeReturnRequest' },
              example: { toCountry: 'EC', informedDecisionRecordedAt: '2026-03-14T10:00:00Z' },
            },
          },
        },
        responses: {
          '201': {
            description: 'The return was requested; `Location` names it.',
            headers: {
              Location: {
                description: 'Path of the new return, e.g. /api/v1/returns/{id}.',
                schema: { type: 'string' },
              },
            },
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
    '/notifications/subscriptions': {
      get: {
        tags: ['notifications'],
        operationId: 'listNotificationSubscriptions',
        'x-enlace-right': 'case.read',
        summary: "The caller's own notification subscriptions.",
        responses: {
          '200': {
            description: "The caller's subscriptions (a webhook's secret is never shown again).",
            content: { 'application/json': { schema: { $ref: '#/components/schemas/NotificationSubscriptionList' } } },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
      post: {
        tags: ['notifications'],
        operationId: 'createNotificationSubscription',
        'x-enlace-right': 'case.read',
        summary: "Ask to be told of events of this node's cases, by e-mail or webhook.",
        description:
          'E-mail goes through the node\'s SMTP server (422 when the node has none). A webhook receives a JSON POST signed with HMAC-SHA256 in `X-Enlace-Signature: t=<unix seconds>,v1=<hex of HMAC(secret, "<t>.<body>")>`, with `X-Enlace-Notification-Id` to drop a retried one it already took; the secret is in this answer only. Failed deliveries are tried again (30 s, doubling to an hour, 12 attempts).',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/NotificationSubscriptionRequest' },
              example: {
                channel: 'webhook',
                address: 'https://cms.example.gov.co/enlace/notifications',
                events: ['incoming', 'answer', 'overdue'],
              },
            },
          },
        },
        responses: {
          '201': {
            description: "The subscription, with the webhook's signing secret (shown once).",
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/NotificationSubscriptionCreated' } },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '422': { $ref: '#/components/responses/Unprocessable' },
        },
      },
    },
    '/notifications/subscriptions/{id}': {
      delete: {
        tags: ['notifications'],
        operationId: 'deleteNotificationSubscription',
        'x-enlace-right': 'case.read',
        summary: "Stop one of the caller's subscriptions (what it still had to send is dropped).",
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'Id of the subscription.',
            schema: { type: 'string', format: 'uuid' },
          },
        ],
        responses: {
          '204': { description: 'Stopped.' },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/cases/{caseId}/documents': {
      parameters: [{ $ref: '#/components/parameters/DocumentCaseId' }],
      get: {
        tags: ['documents'],
        operationId: 'listCaseDocuments',
        'x-enlace-right': 'document.read',
        summary: 'List the documents of a case, attached here or received from the other end.',
        description:
          'Oldest first. A document attached here shows how many of its chunks left (`transfer.sent`) and how many the other end receipted (`transfer.delivered`); one received shows `receiving` until all its chunks arrived, then `received` once the whole matched its digest (or `corrupt`). 410 once the case was erased.',
        responses: {
          '200': {
            description: "The case's documents.",
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CaseDocumentList' } } },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '410': { $ref: '#/components/responses/Gone' },
        },
      },
      post: {
        tags: ['documents'],
        operationId: 'attachCaseDocument',
        'x-enlace-right': 'document.attach',
        summary: 'Attach a document to a case; it travels, sealed, to the other end of the case.',
        description:
          "The body is the document's bytes as they are (not multipart), with any Content-Type: the node finds the type from the content itself and takes only PDF, PNG and JPEG (415 otherwise), up to ENLACE_DOCUMENT_MAX_BYTES (10 MiB by default; 413 beyond). `kind` says what the document is. The bytes rest sealed with the case's key and are sent to the other end of the case in chunks of 192 KiB, in the same transaction. No file name is taken: a name may name the person, and a URL or header is no place for that. 409 when the case has ended, 410 when it was erased.",
        parameters: [
          {
            name: 'kind',
            in: 'query',
            required: true,
            description: 'What the document is.',
            schema: { $ref: '#/components/schemas/DocumentKind' },
          },
        ],
        requestBody: {
          required: true,
          content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
        },
        responses: {
          '201': {
            description: 'The document, stored and on its way.',
            headers: { Location: { description: "The document's content.", schema: { type: 'string' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CaseDocument' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '410': { $ref: '#/components/responses/Gone' },
          '413': {
            description: 'The document is larger than the node takes.',
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
          '415': {
            description: "The document's content is not of an allowed type (or the body was sent as JSON).",
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
          '422': { $ref: '#/components/responses/Unprocessable' },
        },
      },
    },
    '/cases/{caseId}/documents/{documentId}/content': {
      parameters: [{ $ref: '#/components/parameters/DocumentCaseId' }, { $ref: '#/components/parameters/DocumentId' }],
      get: {
        tags: ['documents'],
        operationId: 'downloadCaseDocument',
        'x-enlace-right': 'document.read',
        summary: 'Download a document of the case, its bytes as they were attached.',
        description:
          "The bytes, checked against the document's SHA-256 (also in the `Digest`-like header `X-Content-SHA256`), with the document's type as Content-Type and a file name made of the document's id. The audit log records who downloaded it before it is served. 409 while a received document still lacks chunks, 410 once the case was erased.",
        responses: {
          '200': {
            description: "The document's bytes.",
            headers: {
              'X-Content-SHA256': { description: 'SHA-256 of the bytes, lower-case hex.', schema: { type: 'string' } },
            },
            content: {
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
              'image/png': { schema: { type: 'string', format: 'binary' } },
              'image/jpeg': { schema: { type: 'string', format: 'binary' } },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '410': { $ref: '#/components/responses/Gone' },
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
          'One row per case of the three protocols, with HTCDS 2.0 field names as columns where HTCDS defines the field (cas_Status, cas_ReasonForOutgoingReferral, prs_FirstName, con_Consent, ...) and enl_ names for the rest. An erased person leaves the personal columns empty. Cells a spreadsheet would read as a formula are prefixed with an apostrophe. Only for roles that may see personal data; the audit log records each export. Intakes (reports screened at this node, never sent anywhere) are rows of their own, with enl_Protocol intake and no direction or countries. The filters narrow the rows: a protocol, a direction (which leaves intakes out, as they have none) and a period of creation at this node. The file is streamed as it is read, whatever the number of cases.',
        parameters: [
          {
            name: 'protocol',
            in: 'query',
            required: false,
            description: 'Only the cases of this protocol, or only the intakes.',
            schema: { type: 'string', enum: ['referral', 'return', 'reintegration', 'intake'] },
          },
          {
            name: 'direction',
            in: 'query',
            required: false,
            description: 'Only the cases this country sent (outgoing) or received (incoming); intakes have none.',
            schema: { $ref: '#/components/schemas/CaseDirection' },
          },
          { $ref: '#/components/parameters/ListCreatedFrom' },
          { $ref: '#/components/parameters/ListCreatedTo' },
        ],
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
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/inbox/set-aside': {
      get: {
        tags: ['inbox'],
        operationId: 'listSetAsideInboxEntries',
        'x-enlace-right': 'inbox.manage',
        summary: 'List the messages this node set aside, with the reason, never the payload.',
        description:
          "A message is set aside when it cannot be applied (a protocol rule refuses it, or it failed for no passing cause MAX_APPLY_TRIES times). Its delivery receipt has gone, so the entry is the only copy at this node: it keeps its payload, sealed with its case's key, until it is applied again. In arrival order.",
        parameters: [
          { $ref: '#/components/parameters/InboxPageLimit' },
          { $ref: '#/components/parameters/InboxPageAfter' },
        ],
        responses: {
          '200': {
            description: 'A page of set-aside entries, and the counts of the inbox.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/InboxEntryList' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/inbox/waiting': {
      get: {
        tags: ['inbox'],
        operationId: 'listWaitingInboxEntries',
        'x-enlace-right': 'inbox.manage',
        summary: 'List the messages that wait for the message they follow (they came before it).',
        description:
          'A message that came before the one it follows (a copy delivered out of order), in any protocol, waits for it without a time limit; it is tried again whenever its case moves, and on its own after a rest that doubles up to 10 minutes (`waitingUntil`). In arrival order.',
        parameters: [
          { $ref: '#/components/parameters/InboxPageLimit' },
          { $ref: '#/components/parameters/InboxPageAfter' },
        ],
        responses: {
          '200': {
            description: 'A page of waiting entries, and the counts of the inbox.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/InboxEntryList' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/inbox/set-aside/reapply': {
      post: {
        tags: ['inbox'],
        operationId: 'reapplyAllSetAsideInboxEntries',
        'x-enlace-right': 'inbox.manage',
        summary: 'Apply every set-aside message again.',
        description:
          'Puts every set-aside entry back to be applied, in arrival order among the others; each is applied once. One that fails again is set aside again, with its new reason. Recorded in the audit log.',
        responses: {
          '202': {
            description: 'The entries put back; the node applies them in a moment.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReapplyResult' } } },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/inbox/{id}/reapply': {
      parameters: [{ $ref: '#/components/parameters/InboxEntryId' }],
      post: {
        tags: ['inbox'],
        operationId: 'reapplyInboxEntry',
        'x-enlace-right': 'inbox.manage',
        summary: 'Apply one set-aside message again.',
        description:
          'Puts the entry back to be applied; the database lets one of two such requests through, and the node applies it once. Recorded in the audit log.',
        responses: {
          '202': {
            description: 'The entry was put back; the node applies it in a moment.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReapplyResult' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
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
    '/audit/records': {
      get: {
        tags: ['audit'],
        operationId: 'listAuditRecords',
        'x-enlace-right': 'audit.read',
        summary: "Read this node's audit log a page at a time, filtered by time, action and user.",
        description:
          "The records of the node's audit log, newest first (`sort=newest`, the default) or in chain order (`sort=sequence`). Each shows its sequence number, time, user (the user name, never more of them), action (the route, e.g. `POST /api/v1/referrals/:id/accept`), the type and id of what it touched and the HTTP outcome; the log holds no person's data and none is shown. Filters: `from` (at or after) and `to` (before) an instant, `action` (the whole action), `user` (the whole user name). Paging as the case lists: while the answer has a `nextCursor`, ask again with `cursor` set to it and the same filters and sort; each record appears on exactly one page. At most `limit` records (default 50, at most 200).",
        parameters: [
          { $ref: '#/components/parameters/AuditFrom' },
          { $ref: '#/components/parameters/AuditTo' },
          { $ref: '#/components/parameters/AuditAction' },
          { $ref: '#/components/parameters/AuditUser' },
          { $ref: '#/components/parameters/AuditSort' },
          { $ref: '#/components/parameters/ListLimit' },
          { $ref: '#/components/parameters/ListCursor' },
        ],
        responses: {
          '200': {
            description: 'One page of the audit log.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/AuditRecordList' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '422': { $ref: '#/components/responses/Unprocessable' },
        },
      },
    },
    '/audit/records.csv': {
      get: {
        tags: ['audit'],
        operationId: 'exportAuditRecordsCsv',
        'x-enlace-right': 'audit.read',
        summary: "Export this node's audit log, or the part of it the filters keep, as a CSV file.",
        description:
          'Every record the same filters as the list keep (`from`, `to`, `action`, `user`), in the order asked (`sort=newest`, the default, or `sort=sequence`), one line each: seq, at, user (empty for a caller without a valid token), action, resources (`type:id`, separated by spaces), outcome. No page size and no cursor: the file is streamed as the log is read, whatever its length. Cells a spreadsheet would read as a formula are prefixed with an apostrophe. The export itself is recorded in the audit log before the file is served.',
        parameters: [
          { $ref: '#/components/parameters/AuditFrom' },
          { $ref: '#/components/parameters/AuditTo' },
          { $ref: '#/components/parameters/AuditAction' },
          { $ref: '#/components/parameters/AuditUser' },
          { $ref: '#/components/parameters/AuditSort' },
        ],
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
              'text/csv': { schema: { type: 'string' }, example: 'seq,at,user,action,resources,outcome\r\n' },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
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
          "A JWT of the country's identity provider (production) or of the built-in issuer at POST /auth/token (development and demo). Roles include focal-point, case-worker, supervisor, secretariat, auditor and hotline.",
      },
    },
    parameters: {
      AuditFrom: {
        name: 'from',
        in: 'query',
        required: false,
        description: 'Only records written at or after this instant.',
        schema: { type: 'string', format: 'date-time' },
      },
      AuditTo: {
        name: 'to',
        in: 'query',
        required: false,
        description: 'Only records written before this instant (after `from`, else 422).',
        schema: { type: 'string', format: 'date-time' },
      },
      AuditAction: {
        name: 'action',
        in: 'query',
        required: false,
        description: 'Only records of this action, as the log names it (e.g. `GET /api/v1/referrals/:id/person`).',
        schema: { type: 'string', minLength: 1, maxLength: 200 },
      },
      AuditUser: {
        name: 'user',
        in: 'query',
        required: false,
        description: 'Only records of this user name.',
        schema: { type: 'string', minLength: 1, maxLength: 200 },
      },
      AuditSort: {
        name: 'sort',
        in: 'query',
        required: false,
        description: 'Newest first (the default) or in chain order, oldest first.',
        schema: { $ref: '#/components/schemas/AuditRecordSort' },
      },
      DocumentCaseId: {
        name: 'caseId',
        in: 'path',
        required: true,
        description: 'Id of the case (a referral, return or reintegration), the same at both ends of the exchange.',
        schema: { type: 'string', format: 'uuid' },
      },
      DocumentId: {
        name: 'documentId',
        in: 'path',
        required: true,
        description: 'Id of the document, the same at both ends of the exchange.',
        schema: { type: 'string', format: 'uuid' },
      },
      ListLimit: {
        name: 'limit',
        in: 'query',
        required: false,
        description:
          'The most items a page holds (default 50). More than 200 is refused (400 naming `limit`), never cut silently.',
        schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
      },
      ListCursor: {
        name: 'cursor',
        in: 'query',
        required: false,
        description:
          'Where the page starts: the `nextCursor` of the page before, as given (its content is not part of the contract). It holds only with the same filters and sort it was made with: with others, 400 naming `cursor`.',
        schema: { type: 'string', minLength: 1, maxLength: 400, pattern: '^[A-Za-z0-9_-]+$' },
      },
      ListSort: {
        name: 'sort',
        in: 'query',
        required: false,
        description: 'The order of the list.',
        schema: { $ref: '#/components/schemas/CaseListSort' },
      },
      ListStage: {
        name: 'stage',
        in: 'query',
        required: false,
        description: 'open for only the cases still in progress; ended for only those in a terminal status.',
        schema: { $ref: '#/components/schemas/CaseStage' },
      },
      ListCounterpart: {
        name: 'counterpart',
        in: 'query',
        required: false,
        description:
          'Only the cases exchanged with this country (the receiving one of an outgoing case, the sending one of an incoming case).',
        schema: { $ref: '#/components/schemas/CountryCode' },
      },
      ListAgency: {
        name: 'agency',
        in: 'query',
        required: false,
        description:
          "Only the cases this agency of the node owns, among those the caller may read (its agency's and those shared with it); for the gateway agency, also those from before agencies. An agency the node does not have lists nothing.",
        schema: { $ref: '#/components/schemas/AgencyId' },
      },
      ListUrgency: {
        name: 'urgency',
        in: 'query',
        required: false,
        description: 'Only the referrals of this urgency.',
        schema: { $ref: '#/components/schemas/Urgency' },
      },
      ListDueBefore: {
        name: 'dueBefore',
        in: 'query',
        required: false,
        description: 'Only the cases whose pending step is due before this instant (overdue ones included).',
        schema: { type: 'string', format: 'date-time' },
      },
      ListCreatedFrom: {
        name: 'createdFrom',
        in: 'query',
        required: false,
        description: 'Only the cases created at this node at or after this instant.',
        schema: { type: 'string', format: 'date-time' },
      },
      ListCreatedTo: {
        name: 'createdTo',
        in: 'query',
        required: false,
        description:
          'Only the cases created at this node before this instant; after createdFrom (422 naming it otherwise).',
        schema: { type: 'string', format: 'date-time' },
      },
      ListSearch: {
        name: 'q',
        in: 'query',
        required: false,
        description:
          "A case id (whole, or its first 8 characters or more) or words of the person's name (each word must be one of the person's names; accents and letter case do not matter). Searches this node's own cases only, through a keyed index that holds no name; a case whose person's data were erased is found by its id only.",
        schema: { type: 'string', minLength: 2, maxLength: 120 },
      },
      ReferralId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'Id of the referral, the same at both ends of the exchange.',
        schema: { type: 'string', format: 'uuid' },
      },
      IntakeId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'Id of the intake at this node.',
        schema: { type: 'string', format: 'uuid' },
      },
      SharedCaseId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'Id of a case of any protocol (referral, return, reintegration) or of an intake at this node.',
        schema: { type: 'string', format: 'uuid' },
      },
      AgencyId: {
        name: 'agency',
        in: 'path',
        required: true,
        description: 'An agency of this node (ENLACE_AGENCIES).',
        schema: { $ref: '#/components/schemas/AgencyId' },
      },
      CaseId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'Id of the return or reintegration, the same at both ends of the exchange.',
        schema: { type: 'string', format: 'uuid' },
      },
      InboxEntryId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'Id of the inbox entry, which is the envelope id of the message.',
        schema: { type: 'string', format: 'uuid' },
      },
      InboxPageLimit: {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'At most this many entries (default 100).',
        schema: { type: 'integer', minimum: 1, maximum: 500 },
      },
      InboxPageAfter: {
        name: 'after',
        in: 'query',
        required: false,
        description: 'The `next` of the page before, to read the next page.',
        schema: { type: 'string', pattern: '^[0-9]{1,19}$' },
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
      AuditRecordSort: { type: 'string', enum: ['newest', 'sequence'] },
      AuditRecordList: {
        description: 'A page of the audit log, in the order asked.',
        type: 'object',
        additionalProperties: false,
        required: ['items'],
        properties: {
          nextCursor: { $ref: '#/components/schemas/NextCursor' },
          items: { type: 'array', items: { $ref: '#/components/schemas/AuditRecordView' } },
        },
      },
      AuditRecordView: {
        description:
          "One record of the audit log as an auditor reads it. A person's data are never in the log; the user's roles, country and agency and the record's seal are left out here (`enlace audit verify` checks the seals).",
        type: 'object',
        additionalProperties: false,
        required: ['seq', 'at', 'user', 'action', 'resources', 'outcome'],
        properties: {
          seq: {
            description: "The record's place in the chain (1, 2, 3, ... with no gap).",
            type: 'integer',
            minimum: 1,
          },
          at: { type: 'string', format: 'date-time' },
          user: {
            description: 'The user name the bearer token gave; null for a request without a valid token.',
            type: ['string', 'null'],
          },
          action: { description: 'The route the request took, never its URL (no value of a query).', type: 'string' },
          resources: {
            description: 'What the action touched, by type and id (e.g. a referral and its id).',
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['type', 'id'],
              properties: { type: { type: 'string' }, id: { type: 'string' } },
            },
          },
          outcome: { description: 'The HTTP status the action ended with.', type: 'integer' },
        },
      },
      DocumentKind: {
        type: 'string',
        description: 'What a document is.',
        enum: ['identity-document', 'travel-document', 'medical-report', 'social-report', 'consent-form', 'other'],
      },
      CaseDocument: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'caseId',
          'kind',
          'mediaType',
          'size',
          'sha256',
          'origin',
          'fromCountry',
          'status',
          'createdAt',
        ],
        properties: {
          id: { type: 'string', format: 'uuid' },
          caseId: { type: 'string', format: 'uuid' },
          kind: { $ref: '#/components/schemas/DocumentKind' },
          mediaType: {
            type: 'string',
            enum: ['application/pdf', 'image/png', 'image/jpeg'],
            description: 'The type, as the attaching node found it from the content.',
          },
          size: { type: 'integer', description: 'Bytes.' },
          sha256: { type: 'string', description: 'SHA-256 of the bytes, lower-case hex.' },
          origin: {
            type: 'string',
            enum: ['attached', 'received'],
            description: 'Attached at this node, or received from the other end of the case.',
          },
          fromCountry: { type: 'string', pattern: '^[A-Z]{2}$' },
          status: {
            type: 'string',
            enum: ['stored', 'receiving', 'received', 'corrupt'],
            description:
              'stored (attached here), receiving (chunks still on their way), received (whole, digest checked), corrupt (the chunks did not add up to the digest; nothing to download).',
          },
          chunkCount: { type: 'integer' },
          transfer: {
            type: 'object',
            additionalProperties: false,
            description: 'For a document attached here, how far its chunks travelled to the other end.',
            required: ['chunks', 'sent', 'delivered'],
            properties: {
              chunks: { type: 'integer' },
              sent: { type: 'integer' },
              delivered: { type: 'integer', description: 'Chunks the other end receipted.' },
            },
          },
          createdAt: { type: 'string', format: 'date-time' },
          completedAt: { type: 'string', format: 'date-time' },
        },
      },
      CaseDocumentList: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'maxBytes'],
        properties: {
          items: { type: 'array', items: { $ref: '#/components/schemas/CaseDocument' } },
          maxBytes: {
            type: 'integer',
            minimum: 1,
            description:
              'The largest document this node takes, in bytes (its ENLACE_DOCUMENT_MAX_BYTES), so that a form can say so before a file is sent.',
          },
        },
      },
      NotificationEvent: {
        description:
          "incoming: another country opened a case here; answer: the other side took a step on a case; due-soon: a step of this node is due within the node's window (24 h by default); overdue: it is past due.",
        type: 'string',
        enum: ['incoming', 'answer', 'due-soon', 'overdue'],
      },
      NotificationSubscriptionRequest: {
        description: 'Where to be told, and of what.',
        type: 'object',
        additionalProperties: false,
        required: ['channel', 'address', 'events'],
        properties: {
          channel: { type: 'string', enum: ['email', 'webhook'] },
          address: {
            description: "An e-mail address, or the webhook's https URL (http only for the node's own machine).",
            type: 'string',
            minLength: 3,
            maxLength: 500,
          },
          events: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: { $ref: '#/components/schemas/NotificationEvent' },
          },
        },
      },
      NotificationSubscription: {
        description: "One of the caller's subscriptions.",
        type: 'object',
        additionalProperties: false,
        required: ['id', 'channel', 'address', 'events', 'createdAt'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          channel: { type: 'string', enum: ['email', 'webhook'] },
          address: { type: 'string' },
          events: { type: 'array', items: { $ref: '#/components/schemas/NotificationEvent' } },
          createdAt: { type: 'string', format: 'date-time' },
        },
      },
      NotificationSubscriptionCreated: {
        description: "A new subscription; a webhook's signing secret appears here only.",
        type: 'object',
        additionalProperties: false,
        required: ['id', 'channel', 'address', 'events', 'createdAt'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          channel: { type: 'string', enum: ['email', 'webhook'] },
          address: { type: 'string' },
          events: { type: 'array', items: { $ref: '#/components/schemas/NotificationEvent' } },
          createdAt: { type: 'string', format: 'date-time' },
          secret: {
            description: "The webhook's HMAC-SHA256 key (base64url); keep it, it is not shown again.",
            type: 'string',
          },
        },
      },
      NotificationSubscriptionList: {
        description: "The caller's subscriptions.",
        type: 'object',
        additionalProperties: false,
        required: ['items'],
        properties: { items: { type: 'array', items: { $ref: '#/components/schemas/NotificationSubscription' } } },
      },
      CaseListSort: {
        description:
          'updated: most recently changed first (the default); created: most recently created first; due: the nearest due step first, then the cases waiting on no step.',
        type: 'string',
        enum: ['updated', 'created', 'due'],
      },
      CaseStage: {
        description: 'open (in progress) or ended (in a terminal status).',
        type: 'string',
        enum: ['open', 'ended'],
      },
      NextCursor: {
        description:
          'Present when more items follow: pass it as `cursor`, with the same filters and sort, for the next page. Absent on the last page.',
        type: 'string',
      },
      ListedInitials: {
        description:
          "The initials of the person's names (e.g. AP), to tell cases apart in a list; only for callers who may work on cases and while the person's data are held.",
        type: 'string',
        pattern: '^[A-Z]{1,3}$',
      },
      CaseEnded: {
        description: 'True when the case rests in a terminal status (nothing waits on either end any more).',
        type: 'boolean',
      },
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
          'ended',
          'overdue',
        ],
        properties: {
          ended: { $ref: '#/components/schemas/CaseEnded' },
          initials: { $ref: '#/components/schemas/ListedInitials' },
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
          nextCursor: { $ref: '#/components/schemas/NextCursor' },
          items: {
            description: 'One page of the referrals, in the order asked.',
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
                ended: false,
                initials: 'AP',
              },
            ],
            nextCursor: 'eyJ2IjoxLCJzIjoidXBkYXRlZCJ9',
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
          'ended',
          'overdue',
          'allowedActions',
          'timeline',
        ],
        properties: {
          ended: { $ref: '#/components/schemas/CaseEnded' },
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
          links: { $ref: '#/components/schemas/CaseLinks' },
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
            ended: false,
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
          intakeId: {
            description: 'The intake this case was made from at this node (never sent to the other country).',
            type: 'string',
            format: 'uuid',
          },
        },
      },
      ReturnSummary: {
        description: 'A return in a list. Carries no personal data.',
        type: 'object',
        additionalProperties: false,
        required: [
          'ended',
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
          ended: { $ref: '#/components/schemas/CaseEnded' },
          initials: { $ref: '#/components/schemas/ListedInitials' },
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
          nextCursor: { $ref: '#/components/schemas/NextCursor' },
          items: {
            description: 'One page of the returns, in the order asked.',
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
          'ended',
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
          ended: { $ref: '#/components/schemas/CaseEnded' },
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
          'ended',
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
          ended: { $ref: '#/components/schemas/CaseEnded' },
          initials: { $ref: '#/components/schemas/ListedInitials' },
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
          nextCursor: { $ref: '#/components/schemas/NextCursor' },
          items: {
            description: 'One page of the reintegrations, in the order asked.',
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
          'ended',
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
          ended: { $ref: '#/components/schemas/CaseEnded' },
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
      CurrentUser: {
        description: "A user of this node, as its token says after the node's role mapping.",
        type: 'object',
        additionalProperties: false,
        required: ['username', 'country', 'roles'],
        properties: {
          username: {
            description: "The user's name at the identity provider (or the development issuer).",
            type: 'string',
            minLength: 1,
          },
          country: {
            description: "The user's country, ISO 3166-1 alpha-2; always this node's.",
            type: 'string',
            pattern: '^[A-Z]{2}$',
          },
          roles: {
            description: "The user's roles at this node.",
            type: 'array',
            items: {
              type: 'string',
              enum: ['focal-point', 'case-worker', 'supervisor', 'secretariat', 'auditor', 'hotline'],
            },
          },
          agency: { $ref: '#/components/schemas/AgencyId' },
        },
      },
      AgencyId: {
        description: "An agency of a node (an organisation with its own users), by its id in the node's settings.",
        type: 'string',
        pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
      },
      NodeAgencies: {
        description: 'The agencies of this node.',
        type: 'object',
        additionalProperties: false,
        required: ['agencies', 'gateway', 'yours'],
        properties: {
          agencies: { type: 'array', items: { $ref: '#/components/schemas/AgencyId' } },
          gateway: { $ref: '#/components/schemas/AgencyId' },
          yours: { $ref: '#/components/schemas/AgencyId' },
        },
      },
      ShareCaseRequest: {
        description: 'Why the case is shared with the agency.',
        type: 'object',
        additionalProperties: false,
        required: ['reason'],
        properties: {
          reason: {
            description: "The supervisor's reason, shown to those who may read the case; never in the audit log.",
            type: 'string',
            minLength: 1,
            maxLength: 1000,
          },
        },
      },
      CaseShare: {
        description: 'An agency a case is shared with.',
        type: 'object',
        additionalProperties: false,
        required: ['agency', 'reason', 'sharedBy', 'sharedAt'],
        properties: {
          agency: { $ref: '#/components/schemas/AgencyId' },
          reason: { type: 'string' },
          sharedBy: { description: 'The supervisor who shared it.', type: 'string' },
          sharedAt: { type: 'string', format: 'date-time' },
        },
      },
      CaseSharing: {
        description: 'The agency that owns a case or an intake, and the agencies it is shared with.',
        type: 'object',
        additionalProperties: false,
        required: ['id', 'kind', 'owner', 'shares'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          kind: { type: 'string', enum: ['case', 'intake'] },
          owner: { $ref: '#/components/schemas/AgencyId' },
          shares: { type: 'array', items: { $ref: '#/components/schemas/CaseShare' } },
        },
      },
      InboxEntry: {
        description:
          "A message this node received and receipted but has not applied: its envelope's header facts and, when set aside, why (a code and a detail that name no person). Never its payload.",
        type: 'object',
        additionalProperties: false,
        required: ['envelopeId', 'type', 'from', 'caseId', 'receivedAt', 'attempts', 'reapplied', 'payloadKept'],
        properties: {
          envelopeId: { type: 'string', format: 'uuid' },
          type: { description: 'The message type with its major version.', type: 'string' },
          from: { description: 'The sending country.', type: 'string' },
          caseId: { description: 'The pseudonymous case id of the envelope.', type: 'string' },
          receivedAt: { type: 'string', format: 'date-time' },
          attempts: {
            description: 'Attempts to apply it so far (failed, or put off because it came before its turn).',
            type: 'integer',
            minimum: 0,
          },
          reapplied: { description: 'Times it was applied again after being set aside.', type: 'integer', minimum: 0 },
          payloadKept: {
            description: "False when its payload is gone (its case's personal data were erased).",
            type: 'boolean',
          },
          setAside: {
            type: 'object',
            additionalProperties: false,
            required: ['code', 'detail', 'at'],
            properties: {
              code: {
                description:
                  "APPLY_FAILED, UNKNOWN_CASE, WRONG_COUNTERPART, CASE_MISMATCH, DUPLICATE_CASE, UNSUPPORTED_TYPE or a protocol rule's code.",
                type: 'string',
              },
              detail: { type: 'string' },
              at: { type: 'string', format: 'date-time' },
            },
          },
          waitingUntil: {
            description: 'When a waiting entry is tried again on its own (sooner when its case moves).',
            type: 'string',
            format: 'date-time',
          },
        },
      },
      InboxCounts: {
        description: "The node's inbox in numbers.",
        type: 'object',
        additionalProperties: false,
        required: ['unapplied', 'waiting', 'setAside'],
        properties: {
          unapplied: {
            description: 'Entries not applied yet and not set aside (the waiting ones among them).',
            type: 'integer',
            minimum: 0,
          },
          waiting: { description: 'Entries that wait for the message they follow.', type: 'integer', minimum: 0 },
          setAside: { description: 'Entries set aside.', type: 'integer', minimum: 0 },
        },
      },
      InboxEntryList: {
        description: 'A page of inbox entries, in arrival order.',
        type: 'object',
        additionalProperties: false,
        required: ['items', 'counts'],
        properties: {
          items: { type: 'array', items: { $ref: '#/components/schemas/InboxEntry' } },
          counts: { $ref: '#/components/schemas/InboxCounts' },
          next: {
            description: 'Present when there may be more; pass it as `after` for the next page.',
            type: 'string',
          },
        },
      },
      ReapplyResult: {
        description: 'The entries put back to be applied.',
        type: 'object',
        additionalProperties: false,
        required: ['reapplied'],
        properties: { reapplied: { type: 'array', items: { type: 'string', format: 'uuid' } } },
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
      IntakeStatus: {
        description:
          'Where an intake stands at this node: recorded, screened (presumed-victim, not-a-case, needs-information), converted once turned into a referral or a return, or merged into an existing case of the same person.',
        type: 'string',
        enum: ['recorded', 'presumed-victim', 'not-a-case', 'needs-information', 'converted', 'merged'],
      },
      IntakeChannel: {
        description: 'How the report reached the node.',
        type: 'string',
        enum: ['hotline', 'in-person', 'ngo-referral', 'online'],
      },
      IntakeScreeningOutcome: {
        description: 'What the screening found.',
        type: 'string',
        enum: ['presumed-victim', 'not-a-case', 'needs-information'],
      },
      TraffickingStatus: {
        description: 'The screening in HTCDS terms (vic_TraffickingStatus); absent while more information is needed.',
        'x-htcds': 'vic_TraffickingStatus',
        type: 'string',
        enum: ['PossibleVictimOfTrafficking', 'NotAVictimOfTrafficking'],
      },
      IntakeReporter: {
        description: 'Who reported. Personal data, sealed at rest and shown only to users of this node.',
        type: 'object',
        additionalProperties: false,
        properties: {
          relationship: {
            description: "The reporter's relation to the person (self when the person called).",
            type: 'string',
            enum: ['self', 'family', 'acquaintance', 'ngo', 'authority', 'other'],
          },
          name: { description: "The reporter's name, if given.", type: 'string', minLength: 1, maxLength: 200 },
          contact: {
            description: 'How to reach the reporter again (a telephone number, an address).',
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          organisation: {
            description: 'The organisation that referred the report (an NGO, a shelter).',
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
        },
      },
      IntakePersonInput: {
        description: 'What is known of the possible victim, as given by the caller; every field may be unknown.',
        type: 'object',
        additionalProperties: false,
        properties: {
          firstName: {
            description: 'First name (HTCDS prs_FirstName).',
            'x-htcds': 'prs_FirstName',
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
          approximateAge: {
            description: "The person's age as the reporter believes it, in years.",
            type: 'integer',
            minimum: 0,
            maximum: 120,
          },
          gender: { $ref: '#/components/schemas/GenderInput' },
          nationality: {
            description: 'Nationality, ISO 3166-1 alpha-2 (one entry of HTCDS prs_Citizenship).',
            'x-htcds': 'prs_Citizenship',
            type: 'string',
            pattern: '^[A-Z]{2}$',
          },
          lastKnownPlace: {
            description: "Where the person was last known to be (a city, a place), in the reporter's words.",
            type: 'string',
            minLength: 1,
            maxLength: 300,
          },
          believedCountry: { $ref: '#/components/schemas/CountryCode' },
        },
      },
      IntakePerson: {
        description:
          'What is known of the possible victim. Personal data, sealed at rest, shown only to users of this node.',
        type: 'object',
        additionalProperties: false,
        properties: {
          firstName: { description: 'First name (HTCDS prs_FirstName).', 'x-htcds': 'prs_FirstName', type: 'string' },
          secondName: {
            description: 'Second name, surname (HTCDS prs_SecondName).',
            'x-htcds': 'prs_SecondName',
            type: 'string',
          },
          approximateAge: { description: "The person's age as the reporter believes it, in years.", type: 'integer' },
          gender: { $ref: '#/components/schemas/Gender' },
          nationality: {
            description: 'Nationality, ISO 3166-1 alpha-2 (one entry of HTCDS prs_Citizenship).',
            'x-htcds': 'prs_Citizenship',
            type: 'string',
          },
          lastKnownPlace: { description: 'Where the person was last known to be.', type: 'string' },
          believedCountry: { $ref: '#/components/schemas/CountryCode' },
        },
      },
      IntakeIndicators: {
        description: 'Signs of trafficking the reporter or the operator observed, with HTCDS picklist values.',
        type: 'object',
        additionalProperties: false,
        properties: {
          typeOfExploitation: {
            description: 'Forms of exploitation suspected (HTCDS vic_TypeOfExploitation).',
            'x-htcds': 'vic_TypeOfExploitation',
            type: 'array',
            maxItems: 11,
            uniqueItems: true,
            items: {
              type: 'string',
              enum: [
                'ForcedLabour',
                'SexualExploitation',
                'ChildLabour',
                'ForcedMarriage',
                'Servitude',
                'ForcedMilitaryByNonStateActors',
                'OrganRemoval',
                'ForcedBegging',
                'ForcedAdoption',
                'Surrogacy',
                'Other',
              ],
            },
          },
          methodsOfControl: {
            description: 'Means of control observed (HTCDS vic_MethodsOfControl).',
            'x-htcds': 'vic_MethodsOfControl',
            type: 'array',
            maxItems: 16,
            uniqueItems: true,
            items: {
              type: 'string',
              enum: [
                'PhysicalThreats',
                'ThreatsLawEnforcement',
                'ThreatensChildrenFamily',
                'DebtBondage',
                'FalsePromises',
                'PhysicalAbuse',
                'SexualAbuse',
                'TakesEarnings',
                'RestrictsFinancialAccess',
                'RestrictsMedicalCare',
                'WithholdsNecessities',
                'PsychologicalAbuse',
                'PsychoactiveSubstance',
                'ExcessiveWorkingHours',
                'WithholdsDocuments',
                'Other',
              ],
            },
          },
          methodOfRecruitment: {
            description: 'How the person was recruited, as far as known (HTCDS vic_MethodOfRecruitment).',
            'x-htcds': 'vic_MethodOfRecruitment',
            type: 'array',
            maxItems: 10,
            uniqueItems: true,
            items: {
              type: 'string',
              enum: [
                'AtAPlaceOfBusiness',
                'AtAnEducationalInstitution',
                'AtWork',
                'ThroughOnlineSocialNetworks',
                'ThroughAnOnlineAdvertisement',
                'ThroughATelevisionAdvert',
                'ThroughANewspaperAdvert',
                'ThroughFamilyOrFamilyEvents',
                'ThroughFriendsOrSocialEvents',
                'Other',
              ],
            },
          },
        },
      },
      RecordIntakeRequest: {
        description: 'A report taken at this node; only how it came and its urgency are required.',
        type: 'object',
        additionalProperties: false,
        required: ['channel', 'urgency'],
        properties: {
          channel: { $ref: '#/components/schemas/IntakeChannel' },
          reporter: { $ref: '#/components/schemas/IntakeReporter' },
          person: { $ref: '#/components/schemas/IntakePersonInput' },
          indicators: { $ref: '#/components/schemas/IntakeIndicators' },
          situation: {
            description: "What was reported, in the operator's words (other signs, what the person needs now).",
            type: 'string',
            minLength: 1,
            maxLength: 4000,
          },
          urgency: { $ref: '#/components/schemas/Urgency' },
          consent: { $ref: '#/components/schemas/Consent' },
        },
      },
      ScreenIntakeRequest: {
        description: "A supervisor's screening of an intake.",
        type: 'object',
        additionalProperties: false,
        required: ['outcome'],
        properties: {
          outcome: { $ref: '#/components/schemas/IntakeScreeningOutcome' },
          reason: {
            description: 'Why; required for not-a-case and needs-information (what is missing).',
            type: 'string',
            maxLength: 2000,
          },
        },
      },
      IntakeScreening: {
        description: 'The last screening of the intake.',
        type: 'object',
        additionalProperties: false,
        required: ['outcome', 'at'],
        properties: {
          outcome: { $ref: '#/components/schemas/IntakeScreeningOutcome' },
          traffickingStatus: { $ref: '#/components/schemas/TraffickingStatus' },
          reason: { description: "Why, in the supervisor's words (personal data, sealed at rest).", type: 'string' },
          at: { description: 'When the intake was screened.', type: 'string', format: 'date-time' },
        },
      },
      IntakeCase: {
        description: 'The referral or return the intake became at this node.',
        type: 'object',
        additionalProperties: false,
        required: ['protocol', 'caseId', 'at'],
        properties: {
          protocol: { description: 'What the intake became.', type: 'string', enum: ['referral', 'return'] },
          caseId: { description: "The referral's or return's id.", type: 'string', format: 'uuid' },
          at: { description: 'When.', type: 'string', format: 'date-time' },
        },
      },
      IntakeAction: {
        description: 'An action on an intake the caller may take now, named after its endpoint.',
        type: 'string',
        enum: ['screen', 'referral', 'return', 'merge', 'erase'],
      },
      MergeIntakeRequest: {
        description: 'The existing case (a referral or a return of this node) the intake is about.',
        type: 'object',
        additionalProperties: false,
        required: ['caseId'],
        properties: { caseId: { type: 'string', format: 'uuid' } },
      },
      IntakeTimelineEntry: {
        description: 'What happened to the intake, when; no personal data.',
        type: 'object',
        additionalProperties: false,
        required: ['at', 'event', 'status'],
        properties: {
          at: { description: 'When.', type: 'string', format: 'date-time' },
          event: {
            description: 'The event (IntakeRecorded, IntakeScreened, IntakeConverted, IntakeErased).',
            type: 'string',
          },
          status: { $ref: '#/components/schemas/IntakeStatus' },
        },
      },
      IntakeSummary: {
        description: 'An intake in a list. Carries no personal data.',
        type: 'object',
        additionalProperties: false,
        required: ['id', 'status', 'channel', 'urgency', 'recordedAt', 'updatedAt'],
        properties: {
          id: { description: "The intake's id at this node.", type: 'string', format: 'uuid' },
          status: { $ref: '#/components/schemas/IntakeStatus' },
          channel: { $ref: '#/components/schemas/IntakeChannel' },
          urgency: { $ref: '#/components/schemas/Urgency' },
          believedCountry: { $ref: '#/components/schemas/CountryCode' },
          case: { $ref: '#/components/schemas/IntakeCase' },
          recordedAt: { description: 'When the intake was recorded.', type: 'string', format: 'date-time' },
          updatedAt: { description: 'When it last changed.', type: 'string', format: 'date-time' },
        },
      },
      IntakeList: {
        description: 'Intakes, the most recently changed first.',
        type: 'object',
        additionalProperties: false,
        required: ['items'],
        properties: {
          items: { description: 'The intakes.', type: 'array', items: { $ref: '#/components/schemas/IntakeSummary' } },
        },
      },
      IntakeView: {
        description: 'One intake with everything this node holds of it, and the actions the caller may take now.',
        type: 'object',
        additionalProperties: false,
        required: ['id', 'status', 'channel', 'urgency', 'recordedAt', 'updatedAt', 'timeline', 'allowedActions'],
        properties: {
          id: { description: "The intake's id at this node.", type: 'string', format: 'uuid' },
          status: { $ref: '#/components/schemas/IntakeStatus' },
          channel: { $ref: '#/components/schemas/IntakeChannel' },
          urgency: { $ref: '#/components/schemas/Urgency' },
          believedCountry: { $ref: '#/components/schemas/CountryCode' },
          case: { $ref: '#/components/schemas/IntakeCase' },
          recordedAt: { description: 'When the intake was recorded.', type: 'string', format: 'date-time' },
          updatedAt: { description: 'When it last changed.', type: 'string', format: 'date-time' },
          reporter: { $ref: '#/components/schemas/IntakeReporter' },
          person: { $ref: '#/components/schemas/IntakePerson' },
          indicators: { $ref: '#/components/schemas/IntakeIndicators' },
          situation: { description: "What was reported, in the operator's words.", type: 'string' },
          consent: { $ref: '#/components/schemas/Consent' },
          screening: { $ref: '#/components/schemas/IntakeScreening' },
          erasedAt: {
            description: "When the intake's personal data were erased; absent while they are held.",
            type: 'string',
            format: 'date-time',
          },
          timeline: {
            description: 'What happened to the intake, oldest first.',
            type: 'array',
            items: { $ref: '#/components/schemas/IntakeTimelineEntry' },
          },
          allowedActions: {
            description: 'What the caller may do with the intake now.',
            type: 'array',
            items: { $ref: '#/components/schemas/IntakeAction' },
          },
        },
      },
      PersonCompletion: {
        description:
          "Fields of the person the intake lacks or that should differ in the case; they win over the intake's.",
        type: 'object',
        additionalProperties: false,
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
      IntakeReferralRequest: {
        description: 'What a referral needs that the intake does not hold.',
        type: 'object',
        additionalProperties: false,
        required: ['toCountry', 'reason', 'servicesRequested'],
        properties: {
          toCountry: { $ref: '#/components/schemas/CountryCode' },
          reason: { $ref: '#/components/schemas/ReferralReason' },
          reasonDetails: {
            description:
              "Details for the receiving country (HTCDS cas_OutgoingReferralDetails); the intake's situation by default.",
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
          person: { $ref: '#/components/schemas/PersonCompletion' },
          consent: { $ref: '#/components/schemas/Consent' },
        },
      },
      IntakeReturnRequest: {
        description: 'What a return request needs that the intake does not hold.',
        type: 'object',
        additionalProperties: false,
        required: ['toCountry', 'informedDecisionRecordedAt'],
        properties: {
          toCountry: { $ref: '#/components/schemas/CountryCode' },
          informedDecisionRecordedAt: {
            description: "When the person's informed decision to return was recorded.",
            type: 'string',
            format: 'date-time',
          },
          isChild: {
            description: "True for a child; by default, whether the intake's approximate age is under 18.",
            type: 'boolean',
          },
          unaccompanied: {
            description: 'True for an unaccompanied child (always escorted); false by default.',
            type: 'boolean',
          },
          person: { $ref: '#/components/schemas/PersonCompletion' },
          consent: { $ref: '#/components/schemas/Consent' },
        },
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
          code: {
            description:
              "A stable code of the problem for a client to translate: the protocol's rule that was broken (CONSENT_REQUIRED, TRANSITION_NOT_ALLOWED, ...), CONTRACT_VIOLATION when the request does not match this document, or why a document was refused (DOCUMENT_TOO_LARGE, DOCUMENT_TYPE_NOT_ALLOWED, DOCUMENT_EMPTY, DOCUMENT_KIND_INVALID, DOCUMENT_NOT_COMPLETE, DOCUMENT_NOT_FOUND, CASE_ENDED, CASE_ERASED, CASE_NOT_FOUND). Absent when the status says it all.",
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
