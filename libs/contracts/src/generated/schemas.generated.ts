/* eslint-disable */
// generated from contracts/ — do not edit.
// Source: contracts/messages/**/*.schema.json
// Regenerate with: npx tsx tools/contracts/generate.ts

/** urn:enlace:schema:audit-checkpoint.v1, from contracts/messages/audit/audit-checkpoint.v1.schema.json */
export const auditCheckpointV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:schema:audit-checkpoint.v1',
  title: 'Audit checkpoint, version 1',
  description:
    "A node anchors its audit log outside itself: how many records it held and the seal (HMAC-SHA256 under the node's audit key) of the last one, at a time. Published by the node's courier, signed with the node's key, on the network's audit-checkpoints topic for the secretariat's monitor, which keeps them. An audit of the node compares its log with the last checkpoint: a log that ends before it was cut, one whose record there has another seal was rewritten. Facts of the log only: never an actor, an action, a case id or a person.",
  type: 'object',
  additionalProperties: false,
  required: ['checkpointId', 'network', 'country', 'sequence', 'headMac', 'count', 'at'],
  properties: {
    checkpointId: { description: 'Unique id of this checkpoint.', type: 'string', format: 'uuid' },
    network: { description: "The network's name.", type: 'string', pattern: '^[a-z][a-z0-9-]{1,31}$' },
    country: {
      description: "The country whose node's audit log this anchors (and whose node signed it).",
      type: 'string',
      pattern: '^[A-Z]{2}$',
    },
    sequence: {
      description: 'The number of the last record of the log (records are numbered 1, 2, 3, ... with no gap).',
      type: 'integer',
      minimum: 1,
    },
    headMac: {
      description:
        "The seal of that record, in hex: HMAC-SHA256 under the node's audit key, which the monitor never has.",
      type: 'string',
      pattern: '^[0-9a-f]{64}$',
    },
    count: {
      description: 'How many records the log held; equal to sequence for an unbroken log.',
      type: 'integer',
      minimum: 1,
    },
    at: { description: "When the node read its log's head for this checkpoint.", type: 'string', format: 'date-time' },
  },
  examples: [
    {
      checkpointId: '6f1c2b7e-3a4d-4c5e-8f9a-0b1c2d3e4f5a',
      network: 'andes',
      country: 'CO',
      sequence: 1204,
      headMac: '9f2c4a1e7b3d5f60812a4c6e8b0d2f4163a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3',
      count: 1204,
      at: '2026-03-31T23:55:00Z',
    },
  ],
} as const;

/** urn:enlace:schema:consent.v1, from contracts/messages/common/consent.v1.schema.json */
export const consentV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:schema:consent.v1',
  title: 'Consent record',
  description:
    'A consent record: what the person agreed to share, with whom, for what and until when. Its presence is HTCDS Consent = true.',
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
      items: {
        description: 'One category of data, a lower-case word.',
        type: 'string',
        maxLength: 40,
        pattern: '^[a-z][a-z0-9-]*$',
      },
    },
    recipients: {
      description:
        'Countries the data may be shared with (ISO 3166-1 alpha-2); absent means the addressee of the referral only.',
      type: 'array',
      maxItems: 50,
      uniqueItems: true,
      items: { description: 'One recipient country.', type: 'string', pattern: '^[A-Z]{2}$' },
    },
    recordedAt: { description: 'When the consent was given and recorded.', type: 'string', format: 'date-time' },
    expiresAt: {
      description: 'When the consent ends, if it was given for a limited time.',
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [
    {
      purpose: 'Referral to services in Ecuador',
      scope: ['identity', 'health', 'case'],
      recipients: ['EC'],
      recordedAt: '2025-03-13T16:00:00Z',
      expiresAt: '2026-03-13T16:00:00Z',
    },
  ],
} as const;

/** urn:enlace:schema:person.v1, from contracts/messages/common/person.v1.schema.json */
export const personV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:schema:person.v1',
  title: 'Person',
  description: 'Identity of the person referred, with HTCDS person field names.',
  type: 'object',
  additionalProperties: false,
  required: ['firstName'],
  properties: {
    firstName: { description: 'First name.', 'x-htcds': 'prs_FirstName', type: 'string', minLength: 1, maxLength: 100 },
    middleName: {
      description: 'Middle name.',
      'x-htcds': 'prs_MiddleName',
      type: 'string',
      minLength: 1,
      maxLength: 100,
    },
    secondName: {
      description: 'Second name (surname).',
      'x-htcds': 'prs_SecondName',
      type: 'string',
      minLength: 1,
      maxLength: 100,
    },
    birthdate: {
      description: 'Date of birth (RFC 3339 full-date), not after today.',
      'x-htcds': 'prs_Birthdate',
      type: 'string',
      format: 'date',
      'x-enlace-not-future': true,
    },
    gender: {
      description: 'Gender, with HTCDS values.',
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
    nationality: {
      description: 'Nationality, ISO 3166-1 alpha-2 code; one entry of HTCDS Citizenship.',
      'x-htcds': 'prs_Citizenship',
      type: 'string',
      pattern: '^[A-Z]{2}$',
    },
  },
  examples: [{ firstName: 'Ana', secondName: 'Pérez', birthdate: '1998-07-21', gender: 'Feminine', nationality: 'EC' }],
} as const;

/** urn:enlace:message:consent.erasure-confirmed.v1, from contracts/messages/consent/consent.erasure-confirmed.v1.schema.json */
export const consentErasureConfirmedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:consent.erasure-confirmed.v1',
  title: 'Erasure confirmed, version 1',
  description:
    "A node to the other end of a case: after the person withdrew consent, this node erased the person's personal data of the case; the case keeps only what the law of the case needs, without identity.",
  type: 'object',
  additionalProperties: false,
  required: ['caseId', 'protocol', 'country', 'erasedAt'],
  properties: {
    caseId: {
      description: 'The case whose personal data were erased (a referral, return or reintegration id).',
      type: 'string',
      format: 'uuid',
    },
    protocol: {
      description: 'The protocol of the case.',
      type: 'string',
      enum: ['referral', 'return', 'reintegration'],
    },
    country: { description: 'The country whose node erased.', type: 'string', pattern: '^[A-Z]{2}$' },
    erasedAt: { description: 'When the node erased the data.', type: 'string', format: 'date-time' },
  },
  examples: [
    {
      caseId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      protocol: 'return',
      country: 'BO',
      erasedAt: '2025-05-20T09:00:00Z',
    },
  ],
} as const;

/** urn:enlace:schema:deadline.overdue.v1, from contracts/messages/deadline/deadline.overdue.v1.schema.json */
export const deadlineOverdueV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:schema:deadline.overdue.v1',
  title: 'Step overdue, version 1',
  description:
    "A node announces that a step of one of its cases, which waits on the other country, is past its due time. Published in clear on the network's deadlines topic for the secretariat's monitor: it carries timing facts and an opaque case reference only, never personal data or free text.",
  type: 'object',
  additionalProperties: false,
  required: [
    'announcementId',
    'network',
    'country',
    'counterpart',
    'protocol',
    'step',
    'caseRef',
    'dueAt',
    'announcedAt',
  ],
  properties: {
    announcementId: {
      description:
        'Unique id of this announcement; a node announces each overdue step once, and again only if it re-announces after a restart (readers deduplicate by caseRef, step and dueAt).',
      type: 'string',
      format: 'uuid',
    },
    network: { description: "The network's name.", type: 'string', pattern: '^[a-z][a-z0-9-]{1,31}$' },
    country: {
      description: "The announcing node's country: the one that waits.",
      type: 'string',
      pattern: '^[A-Z]{2}$',
    },
    counterpart: { description: 'The country whose step is late.', type: 'string', pattern: '^[A-Z]{2}$' },
    protocol: { description: 'Which protocol the case follows.', enum: ['referral', 'return', 'reintegration'] },
    step: {
      description:
        "The status the case waits in (the protocol's status name, e.g. sent, information-requested, requested, plan-pending, monitoring).",
      type: 'string',
      pattern: '^[a-z][a-z-]{1,39}$',
    },
    caseRef: {
      description: "The case's id, as the envelope headers of the case carry it; it names no person.",
      type: 'string',
      format: 'uuid',
    },
    dueAt: { description: 'When the step was due.', type: 'string', format: 'date-time' },
    announcedAt: { description: 'When the node found the step overdue.', type: 'string', format: 'date-time' },
  },
  examples: [
    {
      announcementId: '3d6f0a52-7c1b-4e8a-9b2d-5f4e3c2b1a09',
      network: 'andes',
      country: 'CO',
      counterpart: 'EC',
      protocol: 'referral',
      step: 'sent',
      caseRef: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      dueAt: '2025-03-17T14:05:12.250Z',
      announcedAt: '2025-03-17T14:06:00.000Z',
    },
  ],
} as const;

/** urn:enlace:schema:directory-entry.v1, from contracts/messages/directory-entry.v1.schema.json */
export const directoryEntryV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:schema:directory-entry.v1',
  title: 'Directory entry, version 1',
  description:
    "One member of the network, as published on the compacted directory topic keyed by country code. A member leaves the network by a signed entry with removedAt, never by a null record: a null record cannot be signed, so nodes ignore it. On the wire the entry is a JWS compact serialization (EdDSA, typ enlace-directory-entry+jws, kid naming the anchor key) whose payload is this object, signed by one of the network's trust anchors, whose public keys every node is configured with; nodes take senders' signing keys and addressees' encryption keys only from verified entries. A newer entry (issuedAt) replaces an older one; an older one is ignored.",
  type: 'object',
  additionalProperties: false,
  required: ['network', 'country', 'nodeId', 'organisations', 'signingKeys', 'encryptionKeys', 'validFrom', 'issuedAt'],
  properties: {
    network: {
      description: 'Name of the network the member belongs to.',
      type: 'string',
      pattern: '^[a-z][a-z0-9-]{1,30}$',
    },
    country: {
      description: 'The member country, ISO 3166-1 alpha-2 code; also the record key.',
      type: 'string',
      pattern: '^[A-Z]{2}$',
    },
    nodeId: {
      description: "Stable id of the country's node, e.g. co-node-1.",
      type: 'string',
      maxLength: 64,
      pattern: '^[a-z0-9][a-z0-9-]*$',
    },
    organisations: {
      description: 'Organisations that take part in the network through this node, e.g. the national focal point.',
      type: 'array',
      maxItems: 50,
      items: { $ref: '#/$defs/organisation' },
    },
    signingKeys: {
      description:
        "Public keys that verify the node's envelopes and receipts (JWS EdDSA). Two during a rotation: the old one valid until the end of the overlap, the new one from its start; an envelope signed with either verifies while its key is valid.",
      type: 'array',
      minItems: 1,
      maxItems: 4,
      items: { $ref: '#/$defs/signingKey' },
    },
    encryptionKeys: {
      description:
        'Public keys that seal payloads addressed to the node (JWE ECDH-ES with X25519, A256GCM); senders use the newest one valid now.',
      type: 'array',
      minItems: 1,
      maxItems: 4,
      items: { $ref: '#/$defs/encryptionKey' },
    },
    validFrom: { description: 'When the keys of this entry start to be valid.', type: 'string', format: 'date-time' },
    validUntil: {
      description: 'When the keys of this entry stop being valid; absent means until replaced.',
      type: 'string',
      format: 'date-time',
    },
    issuedAt: {
      description: 'When the directory authority signed this entry; a newer entry replaces an older one.',
      type: 'string',
      format: 'date-time',
    },
    revokedAt: {
      description:
        'Set when the directory authority revokes the member: from then on its envelopes are refused (dead-lettered as REVOKED_SENDER) and nothing is sealed for it.',
      type: 'string',
      format: 'date-time',
    },
    removedAt: {
      description:
        "Set when the directory authority removes the member from the network: every node forgets its keys (its envelopes are dead-lettered as UNKNOWN_SENDER). The entry stays on the compacted topic as the member's last word, so that an older entry of the member replayed after it is ignored.",
      type: 'string',
      format: 'date-time',
    },
  },
  $defs: {
    organisation: {
      title: 'Directory organisation',
      description: 'An organisation taking part through the node.',
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: {
          description: 'Name of the organisation (HTCDS Organisation Name).',
          'x-htcds': 'org_Name',
          type: 'string',
          minLength: 1,
          maxLength: 200,
        },
        role: {
          description: 'Its role in the network, e.g. national focal point, service provider.',
          type: 'string',
          minLength: 1,
          maxLength: 100,
        },
      },
    },
    signingKey: {
      title: 'Directory signing key',
      description: 'A public key with the period in which it may be used.',
      type: 'object',
      additionalProperties: false,
      required: ['jwk'],
      properties: {
        jwk: {
          description: 'The public key; its kid is what signed or sealed material names.',
          $ref: '#/$defs/ed25519PublicJwk',
        },
        validFrom: {
          description: 'When the key starts to be valid; absent means with the entry.',
          type: 'string',
          format: 'date-time',
        },
        validUntil: {
          description: 'When the key stops being valid (strict); absent means until replaced.',
          type: 'string',
          format: 'date-time',
        },
      },
    },
    encryptionKey: {
      title: 'Directory encryption key',
      description: 'A public key with the period in which it may be used.',
      type: 'object',
      additionalProperties: false,
      required: ['jwk'],
      properties: {
        jwk: {
          description: 'The public key; its kid is what signed or sealed material names.',
          $ref: '#/$defs/x25519PublicJwk',
        },
        validFrom: {
          description: 'When the key starts to be valid; absent means with the entry.',
          type: 'string',
          format: 'date-time',
        },
        validUntil: {
          description: 'When the key stops being valid (strict); absent means until replaced.',
          type: 'string',
          format: 'date-time',
        },
      },
    },
    ed25519PublicJwk: {
      title: 'Ed25519 public JWK',
      description: 'An Ed25519 public key as a JWK (RFC 8037).',
      type: 'object',
      additionalProperties: false,
      required: ['kty', 'crv', 'x', 'kid'],
      properties: {
        kty: { description: 'Key type: octet key pair.', type: 'string', const: 'OKP' },
        crv: { description: 'Curve: Ed25519.', type: 'string', const: 'Ed25519' },
        x: { description: 'The public key, base64url (32 bytes).', type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
        kid: {
          description: 'Key id, named in the JWS header of what this key signs.',
          type: 'string',
          minLength: 1,
          maxLength: 100,
        },
        alg: { description: 'Algorithm the key is for: EdDSA.', type: 'string', const: 'EdDSA' },
        use: { description: 'Public key use: signature.', type: 'string', const: 'sig' },
      },
    },
    x25519PublicJwk: {
      title: 'X25519 public JWK',
      description: 'An X25519 public key as a JWK (RFC 8037).',
      type: 'object',
      additionalProperties: false,
      required: ['kty', 'crv', 'x', 'kid'],
      properties: {
        kty: { description: 'Key type: octet key pair.', type: 'string', const: 'OKP' },
        crv: { description: 'Curve: X25519.', type: 'string', const: 'X25519' },
        x: { description: 'The public key, base64url (32 bytes).', type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
        kid: {
          description: 'Key id, named in the JWE header of what is sealed for this key.',
          type: 'string',
          minLength: 1,
          maxLength: 100,
        },
        alg: { description: 'Algorithm the key is for: ECDH-ES.', type: 'string', const: 'ECDH-ES' },
        use: { description: 'Public key use: encryption.', type: 'string', const: 'enc' },
      },
    },
  },
  examples: [
    {
      network: 'andes',
      country: 'EC',
      nodeId: 'ec-node-1',
      organisations: [{ name: 'Ministerio de la Mujer y Derechos Humanos', role: 'national focal point' }],
      signingKeys: [
        {
          jwk: {
            kty: 'OKP',
            crv: 'Ed25519',
            x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
            kid: 'ec-sig-2025',
            alg: 'EdDSA',
            use: 'sig',
          },
          validUntil: '2025-07-08T00:00:00Z',
        },
        {
          jwk: {
            kty: 'OKP',
            crv: 'Ed25519',
            x: 'd75a98A182b1Aab7d54bfed3c964A73aAee172f3daa',
            kid: 'ec-sig-2025b',
            alg: 'EdDSA',
            use: 'sig',
          },
          validFrom: '2025-07-01T00:00:00Z',
        },
      ],
      encryptionKeys: [
        {
          jwk: {
            kty: 'OKP',
            crv: 'X25519',
            x: 'Ht0D6-H5Bxbmo28KcI2ZthDB83FHF8_yG1iwH724T0o',
            kid: 'ec-enc-2025',
            alg: 'ECDH-ES',
            use: 'enc',
          },
        },
      ],
      validFrom: '2025-01-01T00:00:00Z',
      validUntil: '2026-01-01T00:00:00Z',
      issuedAt: '2024-12-20T12:00:00Z',
    },
  ],
} as const;

/** urn:enlace:message:document.chunk.v1, from contracts/messages/document/document.chunk.v1.schema.json */
export const documentChunkV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:document.chunk.v1',
  title: 'Document chunk, version 1',
  description:
    'One end of a case to the other: a chunk of a document attached to the case (an identity or travel document, a medical or social report, a signed consent form). A document travels as its chunks, in order, each at most 192 KiB so that one record stays small; the receiver reassembles them and checks the whole against sha256 before it shows the document.',
  type: 'object',
  additionalProperties: false,
  required: ['caseId', 'documentId', 'kind', 'mediaType', 'size', 'sha256', 'chunkCount', 'index', 'data'],
  properties: {
    caseId: {
      description: 'The case the document belongs to (a referral, return or reintegration id).',
      type: 'string',
      format: 'uuid',
    },
    documentId: { description: 'The document, the same at both ends.', type: 'string', format: 'uuid' },
    kind: {
      description: 'What the document is.',
      type: 'string',
      enum: ['identity-document', 'travel-document', 'medical-report', 'social-report', 'consent-form', 'other'],
    },
    mediaType: {
      description: "The document's type, as the sending node found it from its content.",
      type: 'string',
      enum: ['application/pdf', 'image/png', 'image/jpeg'],
    },
    size: { description: "The whole document's length in bytes.", type: 'integer', minimum: 1, maximum: 104857600 },
    sha256: {
      description:
        'SHA-256 of the whole document, in lower-case hex: the receiver checks the reassembled bytes against it.',
      type: 'string',
      pattern: '^[0-9a-f]{64}$',
    },
    chunkCount: { description: 'How many chunks the document travels in.', type: 'integer', minimum: 1, maximum: 600 },
    index: { description: "This chunk's place, from 0.", type: 'integer', minimum: 0, maximum: 599 },
    data: {
      description: "This chunk's bytes, base64 (at most 192 KiB of bytes).",
      type: 'string',
      maxLength: 262144,
      contentEncoding: 'base64',
    },
  },
  examples: [
    {
      caseId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      documentId: '5c1e9a7b-3d2f-4e8a-9b6c-1a2b3c4d5e6f',
      kind: 'medical-report',
      mediaType: 'application/pdf',
      size: 9,
      sha256: 'e5c62df5dab5c87b6a015ef3d43597074d1eec433b15f51aec63b8582d0e4ab4',
      chunkCount: 1,
      index: 0,
      data: 'JVBERi0xLjQK',
    },
  ],
} as const;

/** urn:enlace:schema:envelope-header.v1, from contracts/messages/envelope-header.v1.schema.json */
export const envelopeHeaderV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:schema:envelope-header.v1',
  title: 'Envelope header, version 1',
  description:
    'The plain, signed header of every envelope exchanged between nodes. The secretariat and the Kafka operators can read it; it carries no personal data: the case is named only by a pseudonymous id.',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'network', 'from', 'to', 'caseId', 'correlationId', 'sentAt', 'schema'],
  properties: {
    id: {
      description: 'Unique id of this envelope (UUID); receivers detect duplicates by it.',
      type: 'string',
      format: 'uuid',
    },
    type: {
      description: 'Message type with its major version, e.g. referral.requested.v1; names the payload inside.',
      type: 'string',
      maxLength: 100,
      pattern: '^[a-z]+(\\.[a-z][a-z-]*)+\\.v[1-9][0-9]*$',
    },
    network: {
      description: 'Name of the network the envelope travels in; it is part of every topic name.',
      type: 'string',
      pattern: '^[a-z][a-z0-9-]{1,30}$',
    },
    from: { description: 'Sending country, ISO 3166-1 alpha-2 code.', type: 'string', pattern: '^[A-Z]{2}$' },
    to: {
      description: 'Addressee country, ISO 3166-1 alpha-2 code; only its node can open the payload.',
      type: 'string',
      pattern: '^[A-Z]{2}$',
    },
    caseId: {
      description:
        "Pseudonymous case id shared by both ends: the referral id. It is also the Kafka message key, so that one case's messages stay ordered.",
      type: 'string',
      format: 'uuid',
    },
    correlationId: {
      description: 'Id shared by every envelope of one conversation (a referral and all its answers).',
      type: 'string',
      format: 'uuid',
    },
    causationId: {
      description: 'Id of the envelope that caused this one, when it answers or follows another envelope.',
      type: 'string',
      format: 'uuid',
    },
    sentAt: {
      description: 'When the sender signed the envelope (RFC 3339 date-time).',
      type: 'string',
      format: 'date-time',
    },
    schema: {
      description:
        'The $id of the JSON Schema the decrypted payload conforms to, e.g. urn:enlace:message:referral.requested.v1.',
      type: 'string',
      maxLength: 200,
      pattern: '^urn:enlace:message:[a-z]+(\\.[a-z][a-z-]*)+\\.v[1-9][0-9]*$',
    },
  },
  examples: [
    {
      id: '5b0c7a3e-2f4d-4a43-9d57-0e6f1c2b8a11',
      type: 'referral.requested.v1',
      network: 'andes',
      from: 'CO',
      to: 'EC',
      caseId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      correlationId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      sentAt: '2025-03-14T09:30:00Z',
      schema: 'urn:enlace:message:referral.requested.v1',
    },
    {
      id: '9a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      type: 'referral.accepted.v1',
      network: 'andes',
      from: 'EC',
      to: 'CO',
      caseId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      correlationId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      causationId: '5b0c7a3e-2f4d-4a43-9d57-0e6f1c2b8a11',
      sentAt: '2025-03-15T14:05:12.250Z',
      schema: 'urn:enlace:message:referral.accepted.v1',
    },
  ],
} as const;

/** urn:enlace:schema:envelope.v1, from contracts/messages/envelope.v1.schema.json */
export const envelopeV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:schema:envelope.v1',
  title: 'Envelope, version 1',
  description:
    "The signed content of an envelope. On the wire (the value of a Kafka record on an inbox topic) an envelope is a JWS compact serialization signed with EdDSA (Ed25519) by the sending node, whose payload is this object as UTF-8 JSON; receivers verify the signature against the sender's key in the network directory before reading anything. The header stays readable to the secretariat and the Kafka operators; `payload` is a JWE compact serialization (alg ECDH-ES with an X25519 key of the addressee, enc A256GCM) that only the addressee can open, and its plaintext conforms to the schema named by `header.schema`.",
  type: 'object',
  additionalProperties: false,
  required: ['header', 'payload'],
  properties: {
    header: {
      description: "The plain header: routing, ids and the payload's type and schema.",
      $ref: 'urn:enlace:schema:envelope-header.v1',
    },
    payload: {
      description:
        "The encrypted payload: a JWE compact serialization (five base64url parts; the encrypted-key part is empty with ECDH-ES direct key agreement). The limit keeps the signed envelope under Kafka's default 1 MiB record size.",
      type: 'string',
      maxLength: 700000,
      pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+$',
    },
  },
  examples: [
    {
      header: {
        id: '9a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        type: 'referral.accepted.v1',
        network: 'andes',
        from: 'EC',
        to: 'CO',
        caseId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
        correlationId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
        causationId: '5b0c7a3e-2f4d-4a43-9d57-0e6f1c2b8a11',
        sentAt: '2025-03-15T14:05:12.250Z',
        schema: 'urn:enlace:message:referral.accepted.v1',
      },
      payload:
        'eyJhbGciOiJFQ0RILUVTIiwiZW5jIjoiQTI1NkdDTSIsImtpZCI6ImVjLWVuYy0yMDI1IiwiZXBrIjp7IngiOiJIdDBENi1INUJ4Ym1vMjhLY0kyWnRoREI4M0ZIRjhfeUcxaXdINzI0VDBvIiwiY3J2IjoiWDI1NTE5Iiwia3R5IjoiT0tQIn19..x8uhhZpP5DH4TRQ0.QeSo5vKkFCJ91EcO1j1o1mXfWaFkmw3WDKKnd5otWvf_Ttv4fs3yZC8ks9g6bKkT-6dB6_WDkJQ0hlQZlSdViEJTYfiusM5mMgKDBdV912wY3RtaPpczscY.N6O38KDaoUvSJLRQA-dSzQ',
    },
  ],
} as const;

/** urn:enlace:schema:node.heartbeat.v1, from contracts/messages/node/node.heartbeat.v1.schema.json */
export const nodeHeartbeatV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:schema:node.heartbeat.v1',
  title: 'Node heartbeat, version 1',
  description:
    "A node's courier says, every few seconds, that it is alive and how far behind it is in reading its inbox. Published in clear on the network's heartbeats topic for the secretariat's monitor: process facts only, never personal data or free text.",
  type: 'object',
  additionalProperties: false,
  required: [
    'heartbeatId',
    'network',
    'country',
    'component',
    'instanceId',
    'startedAt',
    'sentAt',
    'intervalMs',
    'inboxLag',
  ],
  properties: {
    heartbeatId: { description: 'Unique id of this heartbeat.', type: 'string', format: 'uuid' },
    network: { description: "The network's name.", type: 'string', pattern: '^[a-z][a-z0-9-]{1,31}$' },
    country: { description: 'The country whose node beats.', type: 'string', pattern: '^[A-Z]{2}$' },
    component: {
      description: "Which process of the node beats: the courier is the one that reads the network's topics.",
      enum: ['courier'],
    },
    instanceId: {
      description:
        'Random id of the beating process, new at each start: a change tells the monitor the process restarted.',
      type: 'string',
      format: 'uuid',
    },
    startedAt: { description: 'When the beating process started.', type: 'string', format: 'date-time' },
    sentAt: { description: 'When this heartbeat was sent.', type: 'string', format: 'date-time' },
    intervalMs: {
      description:
        'How often the process beats; the monitor counts a node late after two missed beats and down after five.',
      type: 'integer',
      minimum: 100,
      maximum: 3600000,
    },
    inboxLag: {
      description:
        "Records on the country's inbox topic that its courier has not yet committed, summed over partitions; null when it could not be measured.",
      type: ['integer', 'null'],
      minimum: 0,
    },
  },
  examples: [
    {
      heartbeatId: '6c1f4e2a-9b3d-4c5e-8f7a-1b2c3d4e5f60',
      network: 'andes',
      country: 'EC',
      component: 'courier',
      instanceId: '2f0e9d8c-7b6a-4c5d-9e8f-0a1b2c3d4e5f',
      startedAt: '2025-03-17T08:00:00.000Z',
      sentAt: '2025-03-17T14:06:05.000Z',
      intervalMs: 5000,
      inboxLag: 0,
    },
  ],
} as const;

/** urn:enlace:message:receipt.delivered.v1, from contracts/messages/receipt.delivered.v1.schema.json */
export const receiptDeliveredV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:receipt.delivered.v1',
  title: 'Delivery receipt, version 1',
  description:
    "Payload of the signed receipt that a receiving node's courier sends back for every envelope it has verified, opened and stored. It proves delivery only; the business answer (accepted, declined, ...) is a separate message.",
  type: 'object',
  additionalProperties: false,
  required: ['receivedEnvelopeId', 'receivedEnvelopeDigest', 'receivedAt', 'duplicate'],
  properties: {
    receivedEnvelopeId: {
      description: 'Header id of the envelope being acknowledged.',
      type: 'string',
      format: 'uuid',
    },
    receivedEnvelopeDigest: {
      description:
        'SHA-256 of the exact wire bytes received (the JWS compact serialization), base64url without padding: binds the receipt to what was actually delivered.',
      type: 'string',
      pattern: '^[A-Za-z0-9_-]{43}$',
    },
    receivedAt: {
      description: 'When the receiving node stored the envelope (RFC 3339 date-time).',
      type: 'string',
      format: 'date-time',
    },
    duplicate: {
      description:
        'True when an envelope with this id had already been received: the receipt is repeated, the effects are not.',
      type: 'boolean',
    },
  },
  examples: [
    {
      receivedEnvelopeId: '5b0c7a3e-2f4d-4a43-9d57-0e6f1c2b8a11',
      receivedEnvelopeDigest: 'n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg',
      receivedAt: '2025-03-14T09:30:02.118Z',
      duplicate: false,
    },
  ],
} as const;

/** urn:enlace:message:referral.accepted.v1, from contracts/messages/referral/referral.accepted.v1.schema.json */
export const referralAcceptedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:referral.accepted.v1',
  title: 'Referral accepted, version 1',
  description: 'Receiver to sender: the receiving country takes the referral on.',
  type: 'object',
  additionalProperties: false,
  required: ['referralId', 'acceptedAt'],
  properties: {
    referralId: { description: 'Id of the referral answered.', type: 'string', format: 'uuid' },
    acceptedAt: { description: 'When the receiving country accepted.', type: 'string', format: 'date-time' },
    note: {
      description: 'Free note for the sending country, e.g. the first appointment or a contact point.',
      type: 'string',
      minLength: 1,
      maxLength: 2000,
    },
  },
  examples: [
    {
      referralId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      acceptedAt: '2025-03-15T14:05:00Z',
      note: 'Shelter place reserved in Quito from 20 March.',
    },
    { referralId: '7f3e2d1c-0b9a-4876-9543-210fedcba987', acceptedAt: '2025-04-03T08:00:00Z' },
  ],
} as const;

/** urn:enlace:message:referral.closed.v1, from contracts/messages/referral/referral.closed.v1.schema.json */
export const referralClosedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:referral.closed.v1',
  title: 'Referral closed, version 1',
  description:
    'Receiver to sender: the services given after acceptance have ended and the referral loop is closed with an outcome. An unsuccessful outcome always carries a reason.',
  type: 'object',
  additionalProperties: false,
  required: ['referralId', 'closedAt', 'outcome'],
  properties: {
    referralId: { description: 'Id of the referral closed.', type: 'string', format: 'uuid' },
    closedAt: { description: 'When the referral was closed.', type: 'string', format: 'date-time' },
    outcome: {
      description: 'Whether the referral reached its purpose.',
      type: 'string',
      enum: ['successful', 'unsuccessful'],
    },
    reason: {
      description:
        'Why the referral is closed; required when the outcome is unsuccessful (HTCDS Reason for Case Closure).',
      'x-htcds': 'cas_ReasonForCaseClosure',
      type: 'string',
      minLength: 1,
      maxLength: 2000,
    },
  },
  if: { properties: { outcome: { const: 'unsuccessful' } }, required: ['outcome'] },
  then: { required: ['reason'] },
  examples: [
    { referralId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10', closedAt: '2025-09-30T15:00:00Z', outcome: 'successful' },
    {
      referralId: '7f3e2d1c-0b9a-4876-9543-210fedcba987',
      closedAt: '2025-06-01T15:00:00Z',
      outcome: 'unsuccessful',
      reason: 'The person moved to another country and could not be reached.',
    },
  ],
} as const;

/** urn:enlace:message:referral.consent-withdrawn.v1, from contracts/messages/referral/referral.consent-withdrawn.v1.schema.json */
export const referralConsentWithdrawnV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:referral.consent-withdrawn.v1',
  title: 'Referral consent withdrawn, version 1',
  description:
    "Either end to the other: the person withdrew consent. The referral stops at once; the node that receives this erases the person's data and confirms with consent.erasure-confirmed.v1.",
  type: 'object',
  additionalProperties: false,
  required: ['referralId', 'at'],
  properties: {
    referralId: {
      description: "Id of the referral, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    at: {
      description: 'When consent was withdrawn, at the end that recorded it.',
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [{ referralId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10', at: '2025-03-15T10:00:00Z' }],
} as const;

/** urn:enlace:message:referral.declined.v1, from contracts/messages/referral/referral.declined.v1.schema.json */
export const referralDeclinedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:referral.declined.v1',
  title: 'Referral declined, version 1',
  description: 'Receiver to sender: the receiving country cannot take the referral on, and says why.',
  type: 'object',
  additionalProperties: false,
  required: ['referralId', 'declinedAt', 'reason'],
  properties: {
    referralId: { description: 'Id of the referral answered.', type: 'string', format: 'uuid' },
    declinedAt: { description: 'When the receiving country declined.', type: 'string', format: 'date-time' },
    reason: {
      description: 'Why the referral is declined, so that the sending country can look for another way.',
      type: 'string',
      minLength: 1,
      maxLength: 2000,
    },
  },
  examples: [
    {
      referralId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      declinedAt: '2025-03-15T14:05:00Z',
      reason: 'No shelter capacity for adults in the requested province until June.',
    },
  ],
} as const;

/** urn:enlace:message:referral.expired.v1, from contracts/messages/referral/referral.expired.v1.schema.json */
export const referralExpiredV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:referral.expired.v1',
  title: 'Referral expired, version 1',
  description:
    "Sender to receiver: the receiving country did not answer by the referral's answer due time, so the sending country has let the referral expire. The receiver can no longer answer it; the sender may refer the person elsewhere.",
  type: 'object',
  additionalProperties: false,
  required: ['referralId', 'expiredAt'],
  properties: {
    referralId: { description: 'Id of the referral that expired.', type: 'string', format: 'uuid' },
    expiredAt: {
      description: 'When the sending country let the referral expire (at or after its answer due time).',
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [{ referralId: '7f3e2d1c-0b9a-4876-9543-210fedcba987', expiredAt: '2025-04-10T08:00:05Z' }],
} as const;

/** urn:enlace:message:referral.information-provided.v1, from contracts/messages/referral/referral.information-provided.v1.schema.json */
export const referralInformationProvidedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:referral.information-provided.v1',
  title: 'Referral information provided, version 1',
  description: 'Sender to receiver: answers a request for information; the referral is open for an answer again.',
  type: 'object',
  additionalProperties: false,
  required: ['referralId', 'providedAt', 'answer'],
  properties: {
    referralId: { description: 'Id of the referral concerned.', type: 'string', format: 'uuid' },
    providedAt: { description: 'When the sending country answered.', type: 'string', format: 'date-time' },
    answer: {
      description: 'The information asked for. May hold personal data: it travels only inside the encrypted payload.',
      type: 'string',
      minLength: 1,
      maxLength: 4000,
    },
  },
  examples: [
    {
      referralId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      providedAt: '2025-03-16T11:20:00Z',
      answer: 'Spanish only; no medication, but a follow-up appointment for a healed fracture is advised.',
    },
  ],
} as const;

/** urn:enlace:message:referral.information-requested.v1, from contracts/messages/referral/referral.information-requested.v1.schema.json */
export const referralInformationRequestedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:referral.information-requested.v1',
  title: 'Referral information requested, version 1',
  description: 'Receiver to sender: the receiving country needs more information before it can answer the referral.',
  type: 'object',
  additionalProperties: false,
  required: ['referralId', 'requestedAt', 'question'],
  properties: {
    referralId: { description: 'Id of the referral concerned.', type: 'string', format: 'uuid' },
    requestedAt: { description: 'When the receiving country asked.', type: 'string', format: 'date-time' },
    question: {
      description: 'What the receiving country needs to know.',
      type: 'string',
      minLength: 1,
      maxLength: 2000,
    },
  },
  examples: [
    {
      referralId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      requestedAt: '2025-03-15T10:00:00Z',
      question: 'Does the person need a Spanish-speaking psychologist, and is any medication required on arrival?',
    },
  ],
} as const;

/** urn:enlace:message:referral.requested.v1, from contracts/messages/referral/referral.requested.v1.schema.json */
export const referralRequestedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:referral.requested.v1',
  title: 'Referral requested, version 1',
  description:
    'Sender to receiver: asks the receiving country to take over or add services for a person. Sent only with recorded consent that covers the data and the recipient. Also sent again, with the same referralId, after information was requested and provided.',
  type: 'object',
  additionalProperties: false,
  required: ['referralId', 'reason', 'servicesRequested', 'urgency', 'person', 'consent', 'answerDueAt', 'requestedAt'],
  properties: {
    referralId: {
      description: "Id of the referral, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    reason: {
      description: 'Why the case is referred out (HTCDS Reason for Outgoing Referral).',
      'x-htcds': 'cas_ReasonForOutgoingReferral',
      type: 'string',
      enum: ['AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other'],
    },
    reasonDetails: {
      description:
        'Details of the referral, including special arrangements and logistics (HTCDS Outgoing Referral Details).',
      'x-htcds': 'cas_OutgoingReferralDetails',
      type: 'string',
      minLength: 1,
      maxLength: 2000,
    },
    servicesRequested: {
      description: 'Kinds of support asked of the receiving country (HTCDS support plan types).',
      'x-htcds': 'spl_Type',
      type: 'array',
      minItems: 1,
      maxItems: 9,
      uniqueItems: true,
      items: {
        description: 'One HTCDS support plan type.',
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
    },
    urgency: {
      description: 'How soon the receiving country should act.',
      type: 'string',
      enum: ['low', 'medium', 'high'],
    },
    person: {
      description: 'The person referred. Personal data: it travels only inside the encrypted payload.',
      $ref: '#/$defs/person',
    },
    consent: { description: "The person's recorded consent that covers this referral.", $ref: '#/$defs/consent' },
    answerDueAt: {
      description:
        "When the receiving country's answer (accept, decline or request information) is due; after it the referral expires.",
      type: 'string',
      format: 'date-time',
    },
    requestedAt: {
      description: 'When the sending country made the referral; its date is the HTCDS Outgoing Referral Date.',
      'x-htcds': 'cas_OutgoingReferralDate',
      type: 'string',
      format: 'date-time',
    },
  },
  $defs: {
    person: {
      title: 'Referral person',
      description: 'Identity of the person referred, with HTCDS person field names.',
      type: 'object',
      additionalProperties: false,
      required: ['firstName'],
      properties: {
        firstName: {
          description: 'First name.',
          'x-htcds': 'prs_FirstName',
          type: 'string',
          minLength: 1,
          maxLength: 100,
        },
        middleName: {
          description: 'Middle name.',
          'x-htcds': 'prs_MiddleName',
          type: 'string',
          minLength: 1,
          maxLength: 100,
        },
        secondName: {
          description: 'Second name (surname).',
          'x-htcds': 'prs_SecondName',
          type: 'string',
          minLength: 1,
          maxLength: 100,
        },
        birthdate: {
          description: 'Date of birth (RFC 3339 full-date), not after today.',
          'x-htcds': 'prs_Birthdate',
          type: 'string',
          format: 'date',
          'x-enlace-not-future': true,
        },
        gender: {
          description: 'Gender, with HTCDS values.',
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
        nationality: {
          description: 'Nationality, ISO 3166-1 alpha-2 code; one entry of HTCDS Citizenship.',
          'x-htcds': 'prs_Citizenship',
          type: 'string',
          pattern: '^[A-Z]{2}$',
        },
      },
    },
    consent: {
      title: 'Referral consent',
      description:
        'A consent record: what the person agreed to share, with whom, for what and until when. Its presence is HTCDS Consent = true.',
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
          items: {
            description: 'One category of data, a lower-case word.',
            type: 'string',
            maxLength: 40,
            pattern: '^[a-z][a-z0-9-]*$',
          },
        },
        recipients: {
          description:
            'Countries the data may be shared with (ISO 3166-1 alpha-2); absent means the addressee of the referral only.',
          type: 'array',
          maxItems: 50,
          uniqueItems: true,
          items: { description: 'One recipient country.', type: 'string', pattern: '^[A-Z]{2}$' },
        },
        recordedAt: { description: 'When the consent was given and recorded.', type: 'string', format: 'date-time' },
        expiresAt: {
          description: 'When the consent ends, if it was given for a limited time.',
          type: 'string',
          format: 'date-time',
        },
      },
    },
  },
  examples: [
    {
      referralId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      reason: 'MigrationOrChangeOfLocation',
      reasonDetails: 'Wishes to return to family in Quito; needs shelter on arrival and medical follow-up.',
      servicesRequested: ['Health', 'SocialCare', 'Legal'],
      urgency: 'high',
      person: { firstName: 'Ana', secondName: 'Pérez', birthdate: '1998-07-21', gender: 'Feminine', nationality: 'EC' },
      consent: {
        purpose: 'Referral to services in Ecuador',
        scope: ['identity', 'health', 'case'],
        recipients: ['EC'],
        recordedAt: '2025-03-13T16:00:00Z',
        expiresAt: '2026-03-13T16:00:00Z',
      },
      answerDueAt: '2025-03-21T09:30:00Z',
      requestedAt: '2025-03-14T09:30:00Z',
    },
    {
      referralId: '7f3e2d1c-0b9a-4876-9543-210fedcba987',
      reason: 'AdditionalServicesRequired',
      servicesRequested: ['LabourExploitationRehabilitation'],
      urgency: 'medium',
      person: { firstName: 'Luis' },
      consent: { purpose: 'Labour rehabilitation programme', scope: ['identity'], recordedAt: '2025-04-01T10:00:00Z' },
      answerDueAt: '2025-04-15T10:00:00Z',
      requestedAt: '2025-04-01T10:30:00Z',
    },
  ],
} as const;

/** urn:enlace:message:referral.service-started.v1, from contracts/messages/referral/referral.service-started.v1.schema.json */
export const referralServiceStartedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:referral.service-started.v1',
  title: 'Referral service started, version 1',
  description:
    'Receiver to sender: after accepting the referral, the receiving country has started the services asked for. The referral stays open until it is closed with an outcome.',
  type: 'object',
  additionalProperties: false,
  required: ['referralId', 'startedAt'],
  properties: {
    referralId: { description: 'Id of the referral whose services started.', type: 'string', format: 'uuid' },
    startedAt: { description: 'When the receiving country started the services.', type: 'string', format: 'date-time' },
  },
  examples: [{ referralId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10', startedAt: '2025-03-20T09:00:00Z' }],
} as const;

/** urn:enlace:message:referral.withdrawn.v1, from contracts/messages/referral/referral.withdrawn.v1.schema.json */
export const referralWithdrawnV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:referral.withdrawn.v1',
  title: 'Referral withdrawn, version 1',
  description:
    'Sender to receiver: the sending country withdraws the referral from any open state. When the person withdrew consent, the receiver must stop processing and erase the personal data it received.',
  type: 'object',
  additionalProperties: false,
  required: ['referralId', 'withdrawnAt', 'reason'],
  properties: {
    referralId: { description: 'Id of the referral withdrawn.', type: 'string', format: 'uuid' },
    withdrawnAt: {
      description: 'When the sending country withdrew the referral.',
      type: 'string',
      format: 'date-time',
    },
    reason: { description: 'Why the referral is withdrawn.', type: 'string', minLength: 1, maxLength: 2000 },
    consentWithdrawn: {
      description:
        'True when the withdrawal is because the person withdrew consent (status consent-withdrawn at both ends); absent or false otherwise.',
      type: 'boolean',
    },
  },
  examples: [
    {
      referralId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      withdrawnAt: '2025-03-17T09:00:00Z',
      reason: 'The person found support through relatives and no longer needs the referral.',
    },
    {
      referralId: '7f3e2d1c-0b9a-4876-9543-210fedcba987',
      withdrawnAt: '2025-04-05T12:00:00Z',
      reason: 'The person withdrew consent to share data.',
      consentWithdrawn: true,
    },
  ],
} as const;

/** urn:enlace:message:reintegration.closed.v1, from contracts/messages/reintegration/reintegration.closed.v1.schema.json */
export const reintegrationClosedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:reintegration.closed.v1',
  title: 'Reintegration closed, version 1',
  description: 'Receiver to sender: the reintegration is closed, with the reason.',
  type: 'object',
  additionalProperties: false,
  required: ['planId', 'reason', 'at'],
  properties: {
    planId: {
      description:
        "Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    reason: {
      description: 'Why it closed.',
      type: 'string',
      enum: ['support-ended', 'opted-out', 'moved', 'no-longer-eligible', 'died'],
    },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
  },
  examples: [{ planId: '5c1e9a7b-3d2f-4e8a-9b6c-1a2b3c4d5e6f', reason: 'support-ended', at: '2025-05-02T10:00:00Z' }],
} as const;

/** urn:enlace:message:reintegration.consent-withdrawn.v1, from contracts/messages/reintegration/reintegration.consent-withdrawn.v1.schema.json */
export const reintegrationConsentWithdrawnV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:reintegration.consent-withdrawn.v1',
  title: 'Reintegration consent withdrawn, version 1',
  description:
    'Either end to the other: the person withdrew consent; the flow stops and the other node erases and confirms.',
  type: 'object',
  additionalProperties: false,
  required: ['planId', 'at'],
  properties: {
    planId: {
      description:
        "Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
  },
  examples: [{ planId: '5c1e9a7b-3d2f-4e8a-9b6c-1a2b3c4d5e6f', at: '2025-05-02T10:00:00Z' }],
} as const;

/** urn:enlace:message:reintegration.follow-up-reported.v1, from contracts/messages/reintegration/reintegration.follow-up-reported.v1.schema.json */
export const reintegrationFollowUpReportedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:reintegration.follow-up-reported.v1',
  title: 'Follow-up reported, version 1',
  description:
    'Receiver to sender, where consented: a follow-up report; signs of re-trafficking send the case to risk review.',
  type: 'object',
  additionalProperties: false,
  required: ['planId', 'sequence', 'wellbeing', 'signsOfRetrafficking', 'at'],
  properties: {
    planId: {
      description:
        "Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    sequence: {
      description: '1 for the first follow-up report, then one more for each.',
      type: 'integer',
      minimum: 1,
      maximum: 1000,
    },
    wellbeing: {
      description: 'How the person is doing.',
      type: 'string',
      enum: ['stable', 'improving', 'deteriorating'],
    },
    signsOfRetrafficking: { description: 'Whether the follow-up found signs of re-trafficking.', type: 'boolean' },
    nextFollowUpDueAt: { description: 'When the next follow-up report is due.', type: 'string', format: 'date-time' },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
  },
  examples: [
    {
      planId: '5c1e9a7b-3d2f-4e8a-9b6c-1a2b3c4d5e6f',
      sequence: 1,
      wellbeing: 'improving',
      signsOfRetrafficking: false,
      nextFollowUpDueAt: '2025-12-30T10:00:00Z',
      at: '2025-05-02T10:00:00Z',
    },
  ],
} as const;

/** urn:enlace:message:reintegration.implementation-started.v1, from contracts/messages/reintegration/reintegration.implementation-started.v1.schema.json */
export const reintegrationImplementationStartedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:reintegration.implementation-started.v1',
  title: 'Implementation started, version 1',
  description: "Receiver to sender: the plan's implementation started.",
  type: 'object',
  additionalProperties: false,
  required: ['planId', 'at'],
  properties: {
    planId: {
      description:
        "Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
  },
  examples: [{ planId: '5c1e9a7b-3d2f-4e8a-9b6c-1a2b3c4d5e6f', at: '2025-05-02T10:00:00Z' }],
} as const;

/** urn:enlace:message:reintegration.monitoring-started.v1, from contracts/messages/reintegration/reintegration.monitoring-started.v1.schema.json */
export const reintegrationMonitoringStartedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:reintegration.monitoring-started.v1',
  title: 'Monitoring started, version 1',
  description: 'Receiver to sender: monitoring started; follow-up reports come at the agreed interval.',
  type: 'object',
  additionalProperties: false,
  required: ['planId', 'nextFollowUpDueAt', 'at'],
  properties: {
    planId: {
      description:
        "Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    nextFollowUpDueAt: { description: 'When the next follow-up report is due.', type: 'string', format: 'date-time' },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
  },
  examples: [
    {
      planId: '5c1e9a7b-3d2f-4e8a-9b6c-1a2b3c4d5e6f',
      nextFollowUpDueAt: '2025-10-01T10:00:00Z',
      at: '2025-05-02T10:00:00Z',
    },
  ],
} as const;

/** urn:enlace:message:reintegration.opened.v1, from contracts/messages/reintegration/reintegration.opened.v1.schema.json */
export const reintegrationOpenedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:reintegration.opened.v1',
  title: 'Reintegration opened, version 1',
  description:
    "Receiver to sender, only where the person consented to tell the sender: the receiving country opened the person's reintegration. No personal data.",
  type: 'object',
  additionalProperties: false,
  required: [
    'planId',
    'fromCountry',
    'toCountry',
    'arrivedAt',
    'planDueAt',
    'followUpIntervalDays',
    'shareWithSender',
    'consent',
    'at',
  ],
  properties: {
    planId: {
      description:
        "Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    fromCountry: {
      description: 'The sending country (where the person was), ISO 3166-1 alpha-2.',
      type: 'string',
      pattern: '^[A-Z]{2}$',
    },
    toCountry: { description: 'The receiving country, ISO 3166-1 alpha-2.', type: 'string', pattern: '^[A-Z]{2}$' },
    arrivedAt: { description: 'When the person arrived.', type: 'string', format: 'date-time' },
    planDueAt: {
      description: 'When the reintegration plan is due (one month after arrival by default).',
      type: 'string',
      format: 'date-time',
    },
    followUpIntervalDays: {
      description: "Days between follow-up reports, as the corridor's agreement sets them.",
      type: 'integer',
      minimum: 1,
      maximum: 3660,
    },
    shareWithSender: {
      description: 'The person consented to tell the sending country of the reintegration.',
      type: 'boolean',
    },
    consent: {
      description: 'The reintegration consent: purpose, when recorded, until when.',
      type: 'object',
      additionalProperties: false,
      required: ['purpose', 'recordedAt'],
      properties: {
        purpose: {
          description: 'What the data may be used for, as explained to the person.',
          type: 'string',
          minLength: 1,
          maxLength: 500,
        },
        recordedAt: { description: 'When the consent was given and recorded.', type: 'string', format: 'date-time' },
        expiresAt: {
          description: 'When the consent ends, if given for a limited time.',
          type: 'string',
          format: 'date-time',
        },
      },
    },
    returnId: {
      description: 'The return this reintegration follows, when it follows one.',
      type: 'string',
      format: 'uuid',
    },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
  },
  examples: [
    {
      planId: '5c1e9a7b-3d2f-4e8a-9b6c-1a2b3c4d5e6f',
      fromCountry: 'AR',
      toCountry: 'BO',
      arrivedAt: '2025-06-10T18:00:00Z',
      planDueAt: '2025-07-10T18:00:00Z',
      followUpIntervalDays: 90,
      shareWithSender: true,
      consent: { purpose: 'Reintegration follow-up shared with Argentina', recordedAt: '2025-06-11T09:00:00Z' },
      returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      at: '2025-05-02T10:00:00Z',
    },
  ],
} as const;

/** urn:enlace:message:reintegration.plan-agreed.v1, from contracts/messages/reintegration/reintegration.plan-agreed.v1.schema.json */
export const reintegrationPlanAgreedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:reintegration.plan-agreed.v1',
  title: 'Reintegration plan agreed, version 1',
  description: 'Receiver to sender: the plan is agreed, with the kinds of support and the planned end.',
  type: 'object',
  additionalProperties: false,
  required: ['planId', 'supportTypes', 'plannedEndDate', 'agreedLate', 'at'],
  properties: {
    planId: {
      description:
        "Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    supportTypes: {
      description: 'Kinds of support the plan names (HTCDS support plan types).',
      'x-htcds': 'spl_Type',
      type: 'array',
      minItems: 1,
      maxItems: 9,
      uniqueItems: true,
      items: {
        description: 'One HTCDS support plan type.',
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
    },
    plannedEndDate: { description: 'When the support is planned to end.', type: 'string', format: 'date-time' },
    agreedLate: { description: "Agreed after the plan's due time.", type: 'boolean' },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
  },
  examples: [
    {
      planId: '5c1e9a7b-3d2f-4e8a-9b6c-1a2b3c4d5e6f',
      supportTypes: ['Health', 'Livelihood'],
      plannedEndDate: '2026-06-10T00:00:00Z',
      agreedLate: false,
      at: '2025-05-02T10:00:00Z',
    },
  ],
} as const;

/** urn:enlace:message:reintegration.re-referred.v1, from contracts/messages/reintegration/reintegration.re-referred.v1.schema.json */
export const reintegrationReReferredV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:reintegration.re-referred.v1',
  title: 'Reintegration re-referred, version 1',
  description: 'Receiver to sender: the person is re-referred to other services.',
  type: 'object',
  additionalProperties: false,
  required: ['planId', 'reason', 'at'],
  properties: {
    planId: {
      description:
        "Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    reason: { description: 'Why, in short text without personal data.', type: 'string', minLength: 1, maxLength: 1000 },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
  },
  examples: [
    {
      planId: '5c1e9a7b-3d2f-4e8a-9b6c-1a2b3c4d5e6f',
      reason: 'Needs specialised psychological care.',
      at: '2025-05-02T10:00:00Z',
    },
  ],
} as const;

/** urn:enlace:message:reintegration.risk-review-resolved.v1, from contracts/messages/reintegration/reintegration.risk-review-resolved.v1.schema.json */
export const reintegrationRiskReviewResolvedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:reintegration.risk-review-resolved.v1',
  title: 'Risk review resolved, version 1',
  description:
    'Receiver to sender: the risk review after signs of re-trafficking is resolved: monitoring continues, or the person is re-referred.',
  type: 'object',
  additionalProperties: false,
  required: ['planId', 'outcome', 'reason', 'at'],
  properties: {
    planId: {
      description:
        "Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    outcome: { description: 'Continue monitoring, or re-refer.', type: 'string', enum: ['continue', 're-refer'] },
    reason: { description: 'Why, in short text without personal data.', type: 'string', minLength: 1, maxLength: 1000 },
    nextFollowUpDueAt: { description: 'When the next follow-up report is due.', type: 'string', format: 'date-time' },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
  },
  examples: [
    {
      planId: '5c1e9a7b-3d2f-4e8a-9b6c-1a2b3c4d5e6f',
      outcome: 'continue',
      reason: 'Contact with the recruiter ended; safety plan in place.',
      nextFollowUpDueAt: '2025-12-30T10:00:00Z',
      at: '2025-05-02T10:00:00Z',
    },
  ],
} as const;

/** urn:enlace:message:return.arrival-recorded.v1, from contracts/messages/return/return.arrival-recorded.v1.schema.json */
export const returnArrivalRecordedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.arrival-recorded.v1',
  title: 'Arrival recorded, version 1',
  description: 'Receiver to sender: the person arrived.',
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
    nextDueAt: {
      description: "When the step the return then waits on is due (the corridor's period); both ends keep it.",
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [
    { returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10', at: '2025-05-02T10:00:00Z', nextDueAt: '2025-05-16T10:00:00Z' },
  ],
} as const;

/** urn:enlace:message:return.best-interests-determined.v1, from contracts/messages/return/return.best-interests-determined.v1.schema.json */
export const returnBestInterestsDeterminedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.best-interests-determined.v1',
  title: 'Best-interests determination, version 1',
  description: 'Sender to receiver: the best-interests determination for the child; against the return bars it.',
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'result', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    result: { description: "The determination's result.", type: 'string', enum: ['in-favour', 'against'] },
    reason: { description: 'Why, in short text without personal data.', type: 'string', minLength: 1, maxLength: 1000 },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
    nextDueAt: {
      description: "When the step the return then waits on is due (the corridor's period); both ends keep it.",
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [
    {
      returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      result: 'in-favour',
      at: '2025-05-02T10:00:00Z',
      nextDueAt: '2025-05-16T10:00:00Z',
    },
  ],
} as const;

/** urn:enlace:message:return.cancelled-by-person.v1, from contracts/messages/return/return.cancelled-by-person.v1.schema.json */
export const returnCancelledByPersonV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.cancelled-by-person.v1',
  title: 'Return cancelled by the person, version 1',
  description: "Sender to receiver: the person decided not to return; a return happens only by the person's decision.",
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    reason: { description: 'Why, in short text without personal data.', type: 'string', minLength: 1, maxLength: 1000 },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
  },
  examples: [{ returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10', at: '2025-05-02T10:00:00Z' }],
} as const;

/** urn:enlace:message:return.consent-withdrawn.v1, from contracts/messages/return/return.consent-withdrawn.v1.schema.json */
export const returnConsentWithdrawnV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.consent-withdrawn.v1',
  title: 'Return consent withdrawn, version 1',
  description:
    "Either end to the other: the person withdrew consent. The flow stops at once; the receiving node erases the person's data and confirms with consent.erasure-confirmed.v1.",
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
  },
  examples: [{ returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10', at: '2025-05-02T10:00:00Z' }],
} as const;

/** urn:enlace:message:return.departure-recorded.v1, from contracts/messages/return/return.departure-recorded.v1.schema.json */
export const returnDepartureRecordedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.departure-recorded.v1',
  title: 'Departure recorded, version 1',
  description: 'Sender to receiver: the person departed.',
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
    nextDueAt: {
      description: "When the step the return then waits on is due (the corridor's period); both ends keep it.",
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [
    { returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10', at: '2025-05-02T10:00:00Z', nextDueAt: '2025-05-16T10:00:00Z' },
  ],
} as const;

/** urn:enlace:message:return.family-assessed.v1, from contracts/messages/return/return.family-assessed.v1.schema.json */
export const returnFamilyAssessedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.family-assessed.v1',
  title: 'Family assessed, version 1',
  description: "Receiver to sender: the assessment of the child's family; unsuitable bars the return.",
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'result', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    result: { description: "The assessment's result.", type: 'string', enum: ['suitable', 'unsuitable'] },
    reason: { description: 'Why, in short text without personal data.', type: 'string', minLength: 1, maxLength: 1000 },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
    nextDueAt: {
      description: "When the step the return then waits on is due (the corridor's period); both ends keep it.",
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [
    {
      returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      result: 'suitable',
      at: '2025-05-02T10:00:00Z',
      nextDueAt: '2025-05-16T10:00:00Z',
    },
  ],
} as const;

/** urn:enlace:message:return.guardian-appointed.v1, from contracts/messages/return/return.guardian-appointed.v1.schema.json */
export const returnGuardianAppointedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.guardian-appointed.v1',
  title: 'Guardian appointed, version 1',
  description: 'Sender to receiver: a guardian was appointed for the child.',
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
    nextDueAt: {
      description: "When the step the return then waits on is due (the corridor's period); both ends keep it.",
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [
    { returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10', at: '2025-05-02T10:00:00Z', nextDueAt: '2025-05-16T10:00:00Z' },
  ],
} as const;

/** urn:enlace:message:return.handed-over.v1, from contracts/messages/return/return.handed-over.v1.schema.json */
export const returnHandedOverV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.handed-over.v1',
  title: 'Handed over to reintegration, version 1',
  description: 'Receiver to sender: the return is complete and the person is handed over to reintegration.',
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
  },
  examples: [{ returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10', at: '2025-05-02T10:00:00Z' }],
} as const;

/** urn:enlace:message:return.nationality-verified.v1, from contracts/messages/return/return.nationality-verified.v1.schema.json */
export const returnNationalityVerifiedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.nationality-verified.v1',
  title: 'Nationality verified, version 1',
  description:
    "Receiver to sender: the receiving country verified (or could not confirm) the person's nationality; not confirmed ends the return.",
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'outcome', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    outcome: {
      description: 'Whether the nationality was confirmed.',
      type: 'string',
      enum: ['confirmed', 'not-confirmed'],
    },
    reason: { description: 'Why, in short text without personal data.', type: 'string', minLength: 1, maxLength: 1000 },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
    nextDueAt: {
      description: "When the step the return then waits on is due (the corridor's period); both ends keep it.",
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [
    {
      returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      outcome: 'confirmed',
      at: '2025-05-02T10:00:00Z',
      nextDueAt: '2025-05-16T10:00:00Z',
    },
  ],
} as const;

/** urn:enlace:message:return.no-show-recorded.v1, from contracts/messages/return/return.no-show-recorded.v1.schema.json */
export const returnNoShowRecordedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.no-show-recorded.v1',
  title: 'No-show recorded, version 1',
  description: 'Sender to receiver: the person did not travel as scheduled; travel may be scheduled again.',
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    reason: { description: 'Why, in short text without personal data.', type: 'string', minLength: 1, maxLength: 1000 },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
    nextDueAt: {
      description: "When the step the return then waits on is due (the corridor's period); both ends keep it.",
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [
    {
      returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      reason: 'The person was ill on the day of travel.',
      at: '2025-05-02T10:00:00Z',
      nextDueAt: '2025-05-16T10:00:00Z',
    },
  ],
} as const;

/** urn:enlace:message:return.reception-plan-confirmed.v1, from contracts/messages/return/return.reception-plan-confirmed.v1.schema.json */
export const returnReceptionPlanConfirmedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.reception-plan-confirmed.v1',
  title: 'Reception plan confirmed, version 1',
  description: 'Sender to receiver: the sending country confirms the reception plan.',
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
    nextDueAt: {
      description: "When the step the return then waits on is due (the corridor's period); both ends keep it.",
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [
    { returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10', at: '2025-05-02T10:00:00Z', nextDueAt: '2025-05-16T10:00:00Z' },
  ],
} as const;

/** urn:enlace:message:return.reception-plan-proposed.v1, from contracts/messages/return/return.reception-plan-proposed.v1.schema.json */
export const returnReceptionPlanProposedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.reception-plan-proposed.v1',
  title: 'Reception plan proposed, version 1',
  description: "Receiver to sender: a reception plan is proposed for the person's arrival.",
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
    nextDueAt: {
      description: "When the step the return then waits on is due (the corridor's period); both ends keep it.",
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [
    { returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10', at: '2025-05-02T10:00:00Z', nextDueAt: '2025-05-16T10:00:00Z' },
  ],
} as const;

/** urn:enlace:message:return.reception-plan-rejected.v1, from contracts/messages/return/return.reception-plan-rejected.v1.schema.json */
export const returnReceptionPlanRejectedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.reception-plan-rejected.v1',
  title: 'Reception plan rejected, version 1',
  description: 'Sender to receiver: the sending country sends the reception plan back, with why.',
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'reason', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    reason: { description: 'Why, in short text without personal data.', type: 'string', minLength: 1, maxLength: 1000 },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
    nextDueAt: {
      description: "When the step the return then waits on is due (the corridor's period); both ends keep it.",
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [
    {
      returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      reason: 'The plan names no shelter for the first week.',
      at: '2025-05-02T10:00:00Z',
      nextDueAt: '2025-05-16T10:00:00Z',
    },
  ],
} as const;

/** urn:enlace:message:return.requested.v1, from contracts/messages/return/return.requested.v1.schema.json */
export const returnRequestedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.requested.v1',
  title: 'Return requested, version 1',
  description:
    "Sender to receiver: asks the receiving country to take the person back, after the person's informed decision and with consent that covers the receiving country. The only return message that carries personal data.",
  type: 'object',
  additionalProperties: false,
  required: [
    'returnId',
    'fromCountry',
    'toCountry',
    'isChild',
    'unaccompanied',
    'answerDueAt',
    'informedDecisionRecordedAt',
    'consent',
    'person',
    'consentRecord',
    'at',
  ],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    fromCountry: {
      description: 'The sending country (where the person was), ISO 3166-1 alpha-2.',
      type: 'string',
      pattern: '^[A-Z]{2}$',
    },
    toCountry: { description: 'The receiving country, ISO 3166-1 alpha-2.', type: 'string', pattern: '^[A-Z]{2}$' },
    isChild: { description: 'True when the person is a child: the child safeguards then apply.', type: 'boolean' },
    unaccompanied: {
      description: 'True for an unaccompanied child, who always travels with an escort.',
      type: 'boolean',
    },
    answerDueAt: {
      description: "When the receiving country's verification of nationality is due.",
      type: 'string',
      format: 'date-time',
    },
    informedDecisionRecordedAt: {
      description: "When the person's informed decision to return was recorded.",
      type: 'string',
      format: 'date-time',
    },
    consent: {
      description: 'The consent as the protocol checks it: purpose, when recorded, until when and to which countries.',
      type: 'object',
      additionalProperties: false,
      required: ['purpose', 'recordedAt'],
      properties: {
        purpose: {
          description: 'What the data may be used for, as explained to the person.',
          type: 'string',
          minLength: 1,
          maxLength: 500,
        },
        recordedAt: { description: 'When the consent was given and recorded.', type: 'string', format: 'date-time' },
        expiresAt: {
          description: 'When the consent ends, if given for a limited time.',
          type: 'string',
          format: 'date-time',
        },
        recipients: {
          description: 'Countries the data may go to; absent means no restriction beyond the addressee.',
          type: 'array',
          maxItems: 50,
          uniqueItems: true,
          items: { description: 'One recipient country.', type: 'string', pattern: '^[A-Z]{2}$' },
        },
      },
    },
    person: {
      description: 'The person to return. Personal data: it travels only inside the encrypted payload.',
      $ref: 'urn:enlace:schema:person.v1',
    },
    consentRecord: {
      description: "The person's consent record as the case keeps it.",
      $ref: 'urn:enlace:schema:consent.v1',
    },
    at: { description: 'When the sending country requested the return.', type: 'string', format: 'date-time' },
  },
  examples: [
    {
      returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      fromCountry: 'AR',
      toCountry: 'BO',
      isChild: false,
      unaccompanied: false,
      answerDueAt: '2025-05-16T10:00:00Z',
      informedDecisionRecordedAt: '2025-05-01T15:00:00Z',
      consent: {
        purpose: 'Return to Bolivia and reintegration support',
        recordedAt: '2025-05-01T15:00:00Z',
        recipients: ['BO'],
      },
      person: {
        firstName: 'Rosa',
        secondName: 'Mamani',
        birthdate: '1996-02-11',
        gender: 'Feminine',
        nationality: 'BO',
      },
      consentRecord: {
        purpose: 'Return to Bolivia and reintegration support',
        scope: ['identity', 'case'],
        recipients: ['BO'],
        recordedAt: '2025-05-01T15:00:00Z',
      },
      at: '2025-05-02T10:00:00Z',
    },
  ],
} as const;

/** urn:enlace:message:return.resumed.v1, from contracts/messages/return/return.resumed.v1.schema.json */
export const returnResumedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.resumed.v1',
  title: 'Return resumed, version 1',
  description: 'Either end to the other: that end lifted its hold; the return resumes once no hold is left.',
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'by', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    by: { description: 'The end that holds (or lifts) the suspension.', type: 'string', enum: ['sender', 'receiver'] },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
    nextDueAt: {
      description: "When the step the return then waits on is due (the corridor's period); both ends keep it.",
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [
    {
      returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      by: 'sender',
      at: '2025-05-02T10:00:00Z',
      nextDueAt: '2025-05-16T10:00:00Z',
    },
  ],
} as const;

/** urn:enlace:message:return.risk-assessed.v1, from contracts/messages/return/return.risk-assessed.v1.schema.json */
export const returnRiskAssessedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.risk-assessed.v1',
  title: 'Risk assessed, version 1',
  description: "Either end to the other: the joint risk assessment's result; a return that is not safe ends there.",
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'result', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    result: { description: 'Whether the return is safe.', type: 'string', enum: ['safe', 'not-safe'] },
    reason: { description: 'Why, in short text without personal data.', type: 'string', minLength: 1, maxLength: 1000 },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
    nextDueAt: {
      description: "When the step the return then waits on is due (the corridor's period); both ends keep it.",
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [
    {
      returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      result: 'safe',
      at: '2025-05-02T10:00:00Z',
      nextDueAt: '2025-05-16T10:00:00Z',
    },
  ],
} as const;

/** urn:enlace:message:return.suspended.v1, from contracts/messages/return/return.suspended.v1.schema.json */
export const returnSuspendedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.suspended.v1',
  title: 'Return suspended, version 1',
  description: 'Either end to the other: the return is suspended by that end, with why; only that end lifts its hold.',
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'by', 'reason', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    by: { description: 'The end that holds (or lifts) the suspension.', type: 'string', enum: ['sender', 'receiver'] },
    reason: { description: 'Why, in short text without personal data.', type: 'string', minLength: 1, maxLength: 1000 },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
  },
  examples: [
    {
      returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      by: 'sender',
      reason: 'Pending a court hearing.',
      at: '2025-05-02T10:00:00Z',
    },
  ],
} as const;

/** urn:enlace:message:return.travel-documents-issued.v1, from contracts/messages/return/return.travel-documents-issued.v1.schema.json */
export const returnTravelDocumentsIssuedV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.travel-documents-issued.v1',
  title: 'Travel documents issued, version 1',
  description: 'Receiver to sender: travel documents are issued.',
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
    nextDueAt: {
      description: "When the step the return then waits on is due (the corridor's period); both ends keep it.",
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [
    { returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10', at: '2025-05-02T10:00:00Z', nextDueAt: '2025-05-16T10:00:00Z' },
  ],
} as const;

/** urn:enlace:message:return.travel-scheduled.v1, from contracts/messages/return/return.travel-scheduled.v1.schema.json */
export const returnTravelScheduledV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:message:return.travel-scheduled.v1',
  title: 'Travel scheduled, version 1',
  description: 'Sender to receiver: the journey is scheduled (or rescheduled) with date, route and escort.',
  type: 'object',
  additionalProperties: false,
  required: ['returnId', 'travelDate', 'route', 'at'],
  properties: {
    returnId: {
      description: "Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.",
      type: 'string',
      format: 'uuid',
    },
    travelDate: { description: 'When the person travels.', type: 'string', format: 'date-time' },
    route: {
      description: 'The route, as short text (e.g. EZE-VVI, flight AR1234).',
      type: 'string',
      minLength: 1,
      maxLength: 300,
    },
    escort: {
      description:
        "Who escorts the person: a role and the organisation, never a person's name. Always present for an unaccompanied child.",
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
    at: { description: 'When the step was taken at the end that decided it.', type: 'string', format: 'date-time' },
    nextDueAt: {
      description: "When the step the return then waits on is due (the corridor's period); both ends keep it.",
      type: 'string',
      format: 'date-time',
    },
  },
  examples: [
    {
      returnId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
      travelDate: '2025-06-10T13:00:00Z',
      route: 'EZE-VVI',
      escort: { role: 'social-worker', organisation: 'Ministerio de Desarrollo Social' },
      at: '2025-05-02T10:00:00Z',
      nextDueAt: '2025-05-16T10:00:00Z',
    },
  ],
} as const;

/** urn:enlace:schema:statistics-report.v1, from contracts/messages/statistics/statistics-report.v1.schema.json */
export const statisticsReportV1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:enlace:schema:statistics-report.v1',
  title: 'Statistics report, version 1',
  description:
    'A node\'s counts of its own cases of one month, per protocol and corridor, each group broken down by sex, age band, nationality and form of exploitation, one dimension at a time. Small cells are suppressed at the node before the report leaves it: a count below the threshold k is "<k", a count withheld so that a published total does not give a small one away is "withheld", a group below k publishes no breakdown, and a breakdown that cannot be protected is withheld whole. Aggregates only: never a case id, a name, a date of birth or free text. Published on the network\'s statistics topic as a JWS signed by the node, for the secretariat\'s monitor.',
  type: 'object',
  additionalProperties: false,
  required: ['reportId', 'network', 'country', 'month', 'generatedAt', 'threshold', 'groups'],
  properties: {
    reportId: {
      description: 'Unique id of this report; a later report of the same node and month replaces it.',
      type: 'string',
      format: 'uuid',
    },
    network: { description: "The network's name.", type: 'string', pattern: '^[a-z][a-z0-9-]{1,31}$' },
    country: {
      description: 'The country whose node counted its cases (and signed the report).',
      type: 'string',
      pattern: '^[A-Z]{2}$',
    },
    month: {
      description: 'The calendar month (UTC) in which the cases counted were opened at the node.',
      type: 'string',
      pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$',
    },
    generatedAt: { description: 'When the node counted.', type: 'string', format: 'date-time' },
    threshold: {
      description: 'k: counts from 1 to k-1 are never published.',
      type: 'integer',
      minimum: 2,
      maximum: 1000,
    },
    groups: {
      description: 'One entry per protocol and corridor with at least one case.',
      type: 'array',
      maxItems: 10000,
      items: { $ref: '#/$defs/group' },
    },
  },
  $defs: {
    group: {
      title: 'StatisticsReportGroup',
      type: 'object',
      additionalProperties: false,
      required: ['protocol', 'fromCountry', 'toCountry', 'total', 'breakdowns'],
      properties: {
        protocol: { description: 'The protocol of the cases counted.', enum: ['referral', 'return', 'reintegration'] },
        fromCountry: {
          description: "The corridor's first end: the country the cases go from.",
          type: 'string',
          pattern: '^[A-Z]{2}$',
        },
        toCountry: {
          description: "The corridor's other end: the country the cases go to.",
          type: 'string',
          pattern: '^[A-Z]{2}$',
        },
        total: {
          description: 'The group\'s number of cases, or "<k" when below the threshold.',
          oneOf: [
            { type: 'integer', minimum: 2 },
            { type: 'string', pattern: '^<[0-9]{1,4}$' },
          ],
        },
        breakdowns: {
          description: "The group's cases by each dimension, one at a time (never crossed).",
          type: 'object',
          additionalProperties: false,
          required: ['sex', 'ageBand', 'nationality', 'exploitation'],
          properties: {
            sex: {
              description: 'By sex (HTCDS gender values, unknown where not recorded or erased).',
              $ref: '#/$defs/breakdown',
            },
            ageBand: { description: 'By age band at the opening of the case.', $ref: '#/$defs/breakdown' },
            nationality: {
              description: 'By nationality (ISO 3166-1 alpha-2, unknown where not recorded or erased).',
              $ref: '#/$defs/breakdown',
            },
            exploitation: {
              description: 'By form of exploitation (sexual, labour, sexual-and-labour, not-recorded).',
              $ref: '#/$defs/breakdown',
            },
          },
        },
      },
    },
    breakdown: {
      title: 'StatisticsReportBreakdown',
      description: "The group's cases by one dimension (categories with at least one case), or withheld whole.",
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['cells'],
          properties: {
            cells: {
              description: 'One cell per category with at least one case, in category order.',
              type: 'array',
              maxItems: 300,
              items: { $ref: '#/$defs/cell' },
            },
          },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['withheld'],
          properties: {
            withheld: {
              description: 'No set of suppressed cells protects the small ones: nothing of the breakdown is published.',
              const: true,
            },
          },
        },
      ],
    },
    cell: {
      title: 'StatisticsReportCell',
      type: 'object',
      additionalProperties: false,
      required: ['category', 'count'],
      properties: {
        category: {
          description:
            'A code: an HTCDS gender, an age band, an ISO 3166-1 country, a form of exploitation, or unknown.',
          type: 'string',
          pattern: '^[A-Za-z0-9+-]{1,40}$',
        },
        count: {
          description:
            'The count (at least k), "<k" for 1 to k-1, or "withheld" (at least k, hidden so that the total does not give a small cell away).',
          oneOf: [{ type: 'integer', minimum: 2 }, { type: 'string', pattern: '^<[0-9]{1,4}$' }, { const: 'withheld' }],
        },
      },
    },
  },
  examples: [
    {
      reportId: '0b8e7c1a-5d2f-4e3b-9a6c-7f1e2d3c4b5a',
      network: 'andes',
      country: 'CO',
      month: '2025-03',
      generatedAt: '2025-04-01T02:00:00.000Z',
      threshold: 11,
      groups: [
        {
          protocol: 'referral',
          fromCountry: 'CO',
          toCountry: 'EC',
          total: 23,
          breakdowns: {
            sex: {
              cells: [
                { category: 'Feminine', count: '<11' },
                { category: 'Masculine', count: 'withheld' },
              ],
            },
            ageBand: { cells: [{ category: '25-34', count: 23 }] },
            nationality: { cells: [{ category: 'CO', count: 23 }] },
            exploitation: { withheld: true },
          },
        },
        {
          protocol: 'return',
          fromCountry: 'CO',
          toCountry: 'PE',
          total: '<11',
          breakdowns: {
            sex: { withheld: true },
            ageBand: { withheld: true },
            nationality: { withheld: true },
            exploitation: { withheld: true },
          },
        },
      ],
    },
  ],
} as const;

/** Every message schema by its $id. */
export const schemasById = {
  'urn:enlace:schema:audit-checkpoint.v1': auditCheckpointV1Schema,
  'urn:enlace:schema:consent.v1': consentV1Schema,
  'urn:enlace:schema:person.v1': personV1Schema,
  'urn:enlace:message:consent.erasure-confirmed.v1': consentErasureConfirmedV1Schema,
  'urn:enlace:schema:deadline.overdue.v1': deadlineOverdueV1Schema,
  'urn:enlace:schema:directory-entry.v1': directoryEntryV1Schema,
  'urn:enlace:message:document.chunk.v1': documentChunkV1Schema,
  'urn:enlace:schema:envelope-header.v1': envelopeHeaderV1Schema,
  'urn:enlace:schema:envelope.v1': envelopeV1Schema,
  'urn:enlace:schema:node.heartbeat.v1': nodeHeartbeatV1Schema,
  'urn:enlace:message:receipt.delivered.v1': receiptDeliveredV1Schema,
  'urn:enlace:message:referral.accepted.v1': referralAcceptedV1Schema,
  'urn:enlace:message:referral.closed.v1': referralClosedV1Schema,
  'urn:enlace:message:referral.consent-withdrawn.v1': referralConsentWithdrawnV1Schema,
  'urn:enlace:message:referral.declined.v1': referralDeclinedV1Schema,
  'urn:enlace:message:referral.expired.v1': referralExpiredV1Schema,
  'urn:enlace:message:referral.information-provided.v1': referralInformationProvidedV1Schema,
  'urn:enlace:message:referral.information-requested.v1': referralInformationRequestedV1Schema,
  'urn:enlace:message:referral.requested.v1': referralRequestedV1Schema,
  'urn:enlace:message:referral.service-started.v1': referralServiceStartedV1Schema,
  'urn:enlace:message:referral.withdrawn.v1': referralWithdrawnV1Schema,
  'urn:enlace:message:reintegration.closed.v1': reintegrationClosedV1Schema,
  'urn:enlace:message:reintegration.consent-withdrawn.v1': reintegrationConsentWithdrawnV1Schema,
  'urn:enlace:message:reintegration.follow-up-reported.v1': reintegrationFollowUpReportedV1Schema,
  'urn:enlace:message:reintegration.implementation-started.v1': reintegrationImplementationStartedV1Schema,
  'urn:enlace:message:reintegration.monitoring-started.v1': reintegrationMonitoringStartedV1Schema,
  'urn:enlace:message:reintegration.opened.v1': reintegrationOpenedV1Schema,
  'urn:enlace:message:reintegration.plan-agreed.v1': reintegrationPlanAgreedV1Schema,
  'urn:enlace:message:reintegration.re-referred.v1': reintegrationReReferredV1Schema,
  'urn:enlace:message:reintegration.risk-review-resolved.v1': reintegrationRiskReviewResolvedV1Schema,
  'urn:enlace:message:return.arrival-recorded.v1': returnArrivalRecordedV1Schema,
  'urn:enlace:message:return.best-interests-determined.v1': returnBestInterestsDeterminedV1Schema,
  'urn:enlace:message:return.cancelled-by-person.v1': returnCancelledByPersonV1Schema,
  'urn:enlace:message:return.consent-withdrawn.v1': returnConsentWithdrawnV1Schema,
  'urn:enlace:message:return.departure-recorded.v1': returnDepartureRecordedV1Schema,
  'urn:enlace:message:return.family-assessed.v1': returnFamilyAssessedV1Schema,
  'urn:enlace:message:return.guardian-appointed.v1': returnGuardianAppointedV1Schema,
  'urn:enlace:message:return.handed-over.v1': returnHandedOverV1Schema,
  'urn:enlace:message:return.nationality-verified.v1': returnNationalityVerifiedV1Schema,
  'urn:enlace:message:return.no-show-recorded.v1': returnNoShowRecordedV1Schema,
  'urn:enlace:message:return.reception-plan-confirmed.v1': returnReceptionPlanConfirmedV1Schema,
  'urn:enlace:message:return.reception-plan-proposed.v1': returnReceptionPlanProposedV1Schema,
  'urn:enlace:message:return.reception-plan-rejected.v1': returnReceptionPlanRejectedV1Schema,
  'urn:enlace:message:return.requested.v1': returnRequestedV1Schema,
  'urn:enlace:message:return.resumed.v1': returnResumedV1Schema,
  'urn:enlace:message:return.risk-assessed.v1': returnRiskAssessedV1Schema,
  'urn:enlace:message:return.suspended.v1': returnSuspendedV1Schema,
  'urn:enlace:message:return.travel-documents-issued.v1': returnTravelDocumentsIssuedV1Schema,
  'urn:enlace:message:return.travel-scheduled.v1': returnTravelScheduledV1Schema,
  'urn:enlace:schema:statistics-report.v1': statisticsReportV1Schema,
} as const;

export type SchemaId = keyof typeof schemasById;
