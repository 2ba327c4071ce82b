/* eslint-disable */
// generated from contracts/ — do not edit.
// Source: contracts/messages/**/*.schema.json
// Regenerate with: npx tsx tools/contracts/generate.ts

/**
 * A node announces that a step of one of its cases, which waits on the other country, is past its due time. Published in clear on the network's deadlines topic for the secretariat's monitor: it carries timing facts and an opaque case reference only, never personal data or free text.
 */
export interface DeadlineOverdueV1 {
  /**
   * Unique id of this announcement; a node announces each overdue step once, and again only if it re-announces after a restart (readers deduplicate by caseRef, step and dueAt).
   */
  announcementId: string;
  /**
   * The network's name.
   */
  network: string;
  /**
   * The announcing node's country: the one that waits.
   */
  country: string;
  /**
   * The country whose step is late.
   */
  counterpart: string;
  /**
   * Which protocol the case follows.
   */
  protocol: 'referral' | 'return' | 'reintegration';
  /**
   * The status the case waits in (the protocol's status name, e.g. sent, information-requested, requested, plan-pending, monitoring).
   */
  step: string;
  /**
   * The case's id, as the envelope headers of the case carry it; it names no person.
   */
  caseRef: string;
  /**
   * When the step was due.
   */
  dueAt: string;
  /**
   * When the node found the step overdue.
   */
  announcedAt: string;
}

/**
 * One member of the network, as published on the compacted directory topic keyed by country code (a record with a null value removes the member). On the wire the entry is a JWS compact serialization (EdDSA, typ enlace-directory-entry+jws, kid naming the anchor key) whose payload is this object, signed by one of the network's trust anchors, whose public keys every node is configured with; nodes take senders' signing keys and addressees' encryption keys only from verified entries. A newer entry (issuedAt) replaces an older one; an older one is ignored.
 */
export interface DirectoryEntryV1 {
  /**
   * Name of the network the member belongs to.
   */
  network: string;
  /**
   * The member country, ISO 3166-1 alpha-2 code; also the record key.
   */
  country: string;
  /**
   * Stable id of the country's node, e.g. co-node-1.
   */
  nodeId: string;
  /**
   * Organisations that take part in the network through this node, e.g. the national focal point.
   *
   * @maxItems 50
   */
  organisations: DirectoryOrganisation[];
  /**
   * Public keys that verify the node's envelopes and receipts (JWS EdDSA). Two during a rotation: the old one valid until the end of the overlap, the new one from its start; an envelope signed with either verifies while its key is valid.
   *
   * @minItems 1
   * @maxItems 4
   */
  signingKeys: DirectorySigningKey[];
  /**
   * Public keys that seal payloads addressed to the node (JWE ECDH-ES with X25519, A256GCM); senders use the newest one valid now.
   *
   * @minItems 1
   * @maxItems 4
   */
  encryptionKeys: DirectoryEncryptionKey[];
  /**
   * When the keys of this entry start to be valid.
   */
  validFrom: string;
  /**
   * When the keys of this entry stop being valid; absent means until replaced.
   */
  validUntil?: string;
  /**
   * When the directory authority signed this entry; a newer entry replaces an older one.
   */
  issuedAt: string;
  /**
   * Set when the directory authority revokes the member: from then on its envelopes are refused (dead-lettered as REVOKED_SENDER) and nothing is sealed for it.
   */
  revokedAt?: string;
}
/**
 * An organisation taking part through the node.
 */
export interface DirectoryOrganisation {
  /**
   * Name of the organisation (HTCDS Organisation Name).
   */
  name: string;
  /**
   * Its role in the network, e.g. national focal point, service provider.
   */
  role?: string;
}
/**
 * A public key with the period in which it may be used.
 */
export interface DirectorySigningKey {
  jwk: Ed25519PublicJWK;
  /**
   * When the key starts to be valid; absent means with the entry.
   */
  validFrom?: string;
  /**
   * When the key stops being valid (strict); absent means until replaced.
   */
  validUntil?: string;
}
/**
 * The public key; its kid is what signed or sealed material names.
 */
export interface Ed25519PublicJWK {
  /**
   * Key type: octet key pair.
   */
  kty: 'OKP';
  /**
   * Curve: Ed25519.
   */
  crv: 'Ed25519';
  /**
   * The public key, base64url (32 bytes).
   */
  x: string;
  /**
   * Key id, named in the JWS header of what this key signs.
   */
  kid: string;
  /**
   * Algorithm the key is for: EdDSA.
   */
  alg?: 'EdDSA';
  /**
   * Public key use: signature.
   */
  use?: 'sig';
}
/**
 * A public key with the period in which it may be used.
 */
export interface DirectoryEncryptionKey {
  jwk: X25519PublicJWK;
  /**
   * When the key starts to be valid; absent means with the entry.
   */
  validFrom?: string;
  /**
   * When the key stops being valid (strict); absent means until replaced.
   */
  validUntil?: string;
}
/**
 * The public key; its kid is what signed or sealed material names.
 */
export interface X25519PublicJWK {
  /**
   * Key type: octet key pair.
   */
  kty: 'OKP';
  /**
   * Curve: X25519.
   */
  crv: 'X25519';
  /**
   * The public key, base64url (32 bytes).
   */
  x: string;
  /**
   * Key id, named in the JWE header of what is sealed for this key.
   */
  kid: string;
  /**
   * Algorithm the key is for: ECDH-ES.
   */
  alg?: 'ECDH-ES';
  /**
   * Public key use: encryption.
   */
  use?: 'enc';
}

/**
 * The plain, signed header of every envelope exchanged between nodes. The secretariat and the Kafka operators can read it; it carries no personal data: the case is named only by a pseudonymous id.
 */
export interface EnvelopeHeaderV1 {
  /**
   * Unique id of this envelope (UUID); receivers detect duplicates by it.
   */
  id: string;
  /**
   * Message type with its major version, e.g. referral.requested.v1; names the payload inside.
   */
  type: string;
  /**
   * Name of the network the envelope travels in; it is part of every topic name.
   */
  network: string;
  /**
   * Sending country, ISO 3166-1 alpha-2 code.
   */
  from: string;
  /**
   * Addressee country, ISO 3166-1 alpha-2 code; only its node can open the payload.
   */
  to: string;
  /**
   * Pseudonymous case id shared by both ends: the referral id. It is also the Kafka message key, so that one case's messages stay ordered.
   */
  caseId: string;
  /**
   * Id shared by every envelope of one conversation (a referral and all its answers).
   */
  correlationId: string;
  /**
   * Id of the envelope that caused this one, when it answers or follows another envelope.
   */
  causationId?: string;
  /**
   * When the sender signed the envelope (RFC 3339 date-time).
   */
  sentAt: string;
  /**
   * The $id of the JSON Schema the decrypted payload conforms to, e.g. urn:enlace:message:referral.requested.v1.
   */
  schema: string;
}

/**
 * The signed content of an envelope. On the wire (the value of a Kafka record on an inbox topic) an envelope is a JWS compact serialization signed with EdDSA (Ed25519) by the sending node, whose payload is this object as UTF-8 JSON; receivers verify the signature against the sender's key in the network directory before reading anything. The header stays readable to the secretariat and the Kafka operators; `payload` is a JWE compact serialization (alg ECDH-ES with an X25519 key of the addressee, enc A256GCM) that only the addressee can open, and its plaintext conforms to the schema named by `header.schema`.
 */
export interface EnvelopeV1 {
  /**
   * The plain header: routing, ids and the payload's type and schema.
   */
  header: EnvelopeHeaderV1;
  /**
   * The encrypted payload: a JWE compact serialization (five base64url parts; the encrypted-key part is empty with ECDH-ES direct key agreement). The limit keeps the signed envelope under Kafka's default 1 MiB record size.
   */
  payload: string;
}

/**
 * Payload of the signed receipt that a receiving node's courier sends back for every envelope it has verified, opened and stored. It proves delivery only; the business answer (accepted, declined, ...) is a separate message.
 */
export interface ReceiptDeliveredV1 {
  /**
   * Header id of the envelope being acknowledged.
   */
  receivedEnvelopeId: string;
  /**
   * SHA-256 of the exact wire bytes received (the JWS compact serialization), base64url without padding: binds the receipt to what was actually delivered.
   */
  receivedEnvelopeDigest: string;
  /**
   * When the receiving node stored the envelope (RFC 3339 date-time).
   */
  receivedAt: string;
  /**
   * True when an envelope with this id had already been received: the receipt is repeated, the effects are not.
   */
  duplicate: boolean;
}

/**
 * Receiver to sender: the receiving country takes the referral on.
 */
export interface ReferralAcceptedV1 {
  /**
   * Id of the referral answered.
   */
  referralId: string;
  /**
   * When the receiving country accepted.
   */
  acceptedAt: string;
  /**
   * Free note for the sending country, e.g. the first appointment or a contact point.
   */
  note?: string;
}

/**
 * Receiver to sender: the services given after acceptance have ended and the referral loop is closed with an outcome. An unsuccessful outcome always carries a reason.
 */
export interface ReferralClosedV1 {
  /**
   * Id of the referral closed.
   */
  referralId: string;
  /**
   * When the referral was closed.
   */
  closedAt: string;
  /**
   * Whether the referral reached its purpose.
   */
  outcome: 'successful' | 'unsuccessful';
  /**
   * Why the referral is closed; required when the outcome is unsuccessful (HTCDS Reason for Case Closure).
   */
  reason?: string;
}

/**
 * Receiver to sender: the receiving country cannot take the referral on, and says why.
 */
export interface ReferralDeclinedV1 {
  /**
   * Id of the referral answered.
   */
  referralId: string;
  /**
   * When the receiving country declined.
   */
  declinedAt: string;
  /**
   * Why the referral is declined, so that the sending country can look for another way.
   */
  reason: string;
}

/**
 * Sender to receiver: the receiving country did not answer by the referral's answer due time, so the sending country has let the referral expire. The receiver can no longer answer it; the sender may refer the person elsewhere.
 */
export interface ReferralExpiredV1 {
  /**
   * Id of the referral that expired.
   */
  referralId: string;
  /**
   * When the sending country let the referral expire (at or after its answer due time).
   */
  expiredAt: string;
}

/**
 * Sender to receiver: answers a request for information; the referral is open for an answer again.
 */
export interface ReferralInformationProvidedV1 {
  /**
   * Id of the referral concerned.
   */
  referralId: string;
  /**
   * When the sending country answered.
   */
  providedAt: string;
  /**
   * The information asked for. May hold personal data: it travels only inside the encrypted payload.
   */
  answer: string;
}

/**
 * Receiver to sender: the receiving country needs more information before it can answer the referral.
 */
export interface ReferralInformationRequestedV1 {
  /**
   * Id of the referral concerned.
   */
  referralId: string;
  /**
   * When the receiving country asked.
   */
  requestedAt: string;
  /**
   * What the receiving country needs to know.
   */
  question: string;
}

/**
 * Sender to receiver: asks the receiving country to take over or add services for a person. Sent only with recorded consent that covers the data and the recipient. Also sent again, with the same referralId, after information was requested and provided.
 */
export interface ReferralRequestedV1 {
  /**
   * Id of the referral, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  referralId: string;
  /**
   * Why the case is referred out (HTCDS Reason for Outgoing Referral).
   */
  reason: 'AdditionalServicesRequired' | 'MigrationOrChangeOfLocation' | 'Other';
  /**
   * Details of the referral, including special arrangements and logistics (HTCDS Outgoing Referral Details).
   */
  reasonDetails?: string;
  /**
   * Kinds of support asked of the receiving country (HTCDS support plan types).
   *
   * @minItems 1
   * @maxItems 9
   *
   * Items: One HTCDS support plan type.
   */
  servicesRequested: (
    | 'Education'
    | 'Financial'
    | 'Health'
    | 'LabourExploitationRehabilitation'
    | 'Legal'
    | 'Livelihood'
    | 'RightsBasedTraining'
    | 'SexualExploitationRehabilitation'
    | 'SocialCare'
  )[];
  /**
   * How soon the receiving country should act.
   */
  urgency: 'low' | 'medium' | 'high';
  person: ReferralPerson;
  consent: ReferralConsent;
  /**
   * When the receiving country's answer (accept, decline or request information) is due; after it the referral expires.
   */
  answerDueAt: string;
  /**
   * When the sending country made the referral; its date is the HTCDS Outgoing Referral Date.
   */
  requestedAt: string;
}
/**
 * The person referred. Personal data: it travels only inside the encrypted payload.
 */
export interface ReferralPerson {
  /**
   * First name.
   */
  firstName: string;
  /**
   * Middle name.
   */
  middleName?: string;
  /**
   * Second name (surname).
   */
  secondName?: string;
  /**
   * Date of birth (RFC 3339 full-date).
   */
  birthdate?: string;
  /**
   * Gender, with HTCDS values.
   */
  gender?:
    'Feminine' | 'Masculine' | 'TransgenderFeminine' | 'TransgenderMasculine' | 'NonConforming' | 'NonSpecifiedUnknown';
  /**
   * Nationality, ISO 3166-1 alpha-2 code; one entry of HTCDS Citizenship.
   */
  nationality?: string;
}
/**
 * The person's recorded consent that covers this referral.
 */
export interface ReferralConsent {
  /**
   * What the data may be used for, as explained to the person.
   */
  purpose: string;
  /**
   * Categories of data the consent covers, e.g. identity, contact, health, case.
   *
   * @minItems 1
   * @maxItems 20
   *
   * Items: One category of data, a lower-case word.
   */
  scope: string[];
  /**
   * Countries the data may be shared with (ISO 3166-1 alpha-2); absent means the addressee of the referral only.
   *
   * @maxItems 50
   *
   * Items: One recipient country.
   */
  recipients?: string[];
  /**
   * When the consent was given and recorded.
   */
  recordedAt: string;
  /**
   * When the consent ends, if it was given for a limited time.
   */
  expiresAt?: string;
}

/**
 * Receiver to sender: after accepting the referral, the receiving country has started the services asked for. The referral stays open until it is closed with an outcome.
 */
export interface ReferralServiceStartedV1 {
  /**
   * Id of the referral whose services started.
   */
  referralId: string;
  /**
   * When the receiving country started the services.
   */
  startedAt: string;
}

/**
 * Sender to receiver: the sending country withdraws the referral from any open state. When the person withdrew consent, the receiver must stop processing and erase the personal data it received.
 */
export interface ReferralWithdrawnV1 {
  /**
   * Id of the referral withdrawn.
   */
  referralId: string;
  /**
   * When the sending country withdrew the referral.
   */
  withdrawnAt: string;
  /**
   * Why the referral is withdrawn.
   */
  reason: string;
  /**
   * True when the withdrawal is because the person withdrew consent (status consent-withdrawn at both ends); absent or false otherwise.
   */
  consentWithdrawn?: boolean;
}
