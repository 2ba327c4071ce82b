/* eslint-disable */
// generated from contracts/ — do not edit.
// Source: contracts/messages/**/*.schema.json
// Regenerate with: npx tsx tools/contracts/generate.ts

/**
 * A node anchors its audit log outside itself: how many records it held and the seal (HMAC-SHA256 under the node's audit key) of the last one, at a time. Published by the node's courier, signed with the node's key, on the network's audit-checkpoints topic for the secretariat's monitor, which keeps them. An audit of the node compares its log with the last checkpoint: a log that ends before it was cut, one whose record there has another seal was rewritten. Facts of the log only: never an actor, an action, a case id or a person.
 */
export interface AuditCheckpointV1 {
  /**
   * Unique id of this checkpoint.
   */
  checkpointId: string;
  /**
   * The network's name.
   */
  network: string;
  /**
   * The country whose node's audit log this anchors (and whose node signed it).
   */
  country: string;
  /**
   * The number of the last record of the log (records are numbered 1, 2, 3, ... with no gap).
   */
  sequence: number;
  /**
   * The seal of that record, in hex: HMAC-SHA256 under the node's audit key, which the monitor never has.
   */
  headMac: string;
  /**
   * How many records the log held; equal to sequence for an unbroken log.
   */
  count: number;
  /**
   * When the node read its log's head for this checkpoint.
   */
  at: string;
}

/**
 * A consent record: what the person agreed to share, with whom, for what and until when. Its presence is HTCDS Consent = true.
 */
export interface ConsentV1 {
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
 * Identity of the person referred, with HTCDS person field names.
 */
export interface PersonV1 {
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
   * Date of birth (RFC 3339 full-date), not after today.
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
 * A node to the other end of a case: after the person withdrew consent, this node erased the person's personal data of the case; the case keeps only what the law of the case needs, without identity.
 */
export interface ConsentErasureConfirmedV1 {
  /**
   * The case whose personal data were erased (a referral, return or reintegration id).
   */
  caseId: string;
  /**
   * The protocol of the case.
   */
  protocol: 'referral' | 'return' | 'reintegration';
  /**
   * The country whose node erased.
   */
  country: string;
  /**
   * When the node erased the data.
   */
  erasedAt: string;
}

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
 * One member of the network, as published on the compacted directory topic keyed by country code. A member leaves the network by a signed entry with removedAt, never by a null record: a null record cannot be signed, so nodes ignore it. On the wire the entry is a JWS compact serialization (EdDSA, typ enlace-directory-entry+jws, kid naming the anchor key) whose payload is this object, signed by one of the network's trust anchors, whose public keys every node is configured with; nodes take senders' signing keys and addressees' encryption keys only from verified entries. A newer entry (issuedAt) replaces an older one; an older one is ignored.
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
  /**
   * Set when the directory authority removes the member from the network: every node forgets its keys (its envelopes are dead-lettered as UNKNOWN_SENDER). The entry stays on the compacted topic as the member's last word, so that an older entry of the member replayed after it is ignored.
   */
  removedAt?: string;
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
 * One end of a case to the other: a chunk of a document attached to the case (an identity or travel document, a medical or social report, a signed consent form). A document travels as its chunks, in order, each at most 192 KiB so that one record stays small; the receiver reassembles them and checks the whole against sha256 before it shows the document.
 */
export interface DocumentChunkV1 {
  /**
   * The case the document belongs to (a referral, return or reintegration id).
   */
  caseId: string;
  /**
   * The document, the same at both ends.
   */
  documentId: string;
  /**
   * What the document is.
   */
  kind: 'identity-document' | 'travel-document' | 'medical-report' | 'social-report' | 'consent-form' | 'other';
  /**
   * The document's type, as the sending node found it from its content.
   */
  mediaType: 'application/pdf' | 'image/png' | 'image/jpeg';
  /**
   * The whole document's length in bytes.
   */
  size: number;
  /**
   * SHA-256 of the whole document, in lower-case hex: the receiver checks the reassembled bytes against it.
   */
  sha256: string;
  /**
   * How many chunks the document travels in.
   */
  chunkCount: number;
  /**
   * This chunk's place, from 0.
   */
  index: number;
  /**
   * This chunk's bytes, base64 (at most 192 KiB of bytes).
   */
  data: string;
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
 * A node's courier says, every few seconds, that it is alive and how far behind it is in reading its inbox. Published in clear on the network's heartbeats topic for the secretariat's monitor: process facts only, never personal data or free text.
 */
export interface NodeHeartbeatV1 {
  /**
   * Unique id of this heartbeat.
   */
  heartbeatId: string;
  /**
   * The network's name.
   */
  network: string;
  /**
   * The country whose node beats.
   */
  country: string;
  /**
   * Which process of the node beats: the courier is the one that reads the network's topics.
   */
  component: 'courier';
  /**
   * Random id of the beating process, new at each start: a change tells the monitor the process restarted.
   */
  instanceId: string;
  /**
   * When the beating process started.
   */
  startedAt: string;
  /**
   * When this heartbeat was sent.
   */
  sentAt: string;
  /**
   * How often the process beats; the monitor counts a node late after two missed beats and down after five.
   */
  intervalMs: number;
  /**
   * Records on the country's inbox topic that its courier has not yet committed, summed over partitions; null when it could not be measured.
   */
  inboxLag: number | null;
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
 * Either end to the other: the person withdrew consent. The referral stops at once; the node that receives this erases the person's data and confirms with consent.erasure-confirmed.v1.
 */
export interface ReferralConsentWithdrawnV1 {
  /**
   * Id of the referral, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  referralId: string;
  /**
   * When consent was withdrawn, at the end that recorded it.
   */
  at: string;
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
   * Date of birth (RFC 3339 full-date), not after today.
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

/**
 * Receiver to sender: the reintegration is closed, with the reason.
 */
export interface ReintegrationClosedV1 {
  /**
   * Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  planId: string;
  /**
   * Why it closed.
   */
  reason: 'support-ended' | 'opted-out' | 'moved' | 'no-longer-eligible' | 'died';
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
}

/**
 * Either end to the other: the person withdrew consent; the flow stops and the other node erases and confirms.
 */
export interface ReintegrationConsentWithdrawnV1 {
  /**
   * Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  planId: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
}

/**
 * Receiver to sender, where consented: a follow-up report; signs of re-trafficking send the case to risk review.
 */
export interface ReintegrationFollowUpReportedV1 {
  /**
   * Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  planId: string;
  /**
   * 1 for the first follow-up report, then one more for each.
   */
  sequence: number;
  /**
   * How the person is doing.
   */
  wellbeing: 'stable' | 'improving' | 'deteriorating';
  /**
   * Whether the follow-up found signs of re-trafficking.
   */
  signsOfRetrafficking: boolean;
  /**
   * When the next follow-up report is due.
   */
  nextFollowUpDueAt?: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
}

/**
 * Receiver to sender: the plan's implementation started.
 */
export interface ReintegrationImplementationStartedV1 {
  /**
   * Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  planId: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
}

/**
 * Receiver to sender: monitoring started; follow-up reports come at the agreed interval.
 */
export interface ReintegrationMonitoringStartedV1 {
  /**
   * Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  planId: string;
  /**
   * When the next follow-up report is due.
   */
  nextFollowUpDueAt: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
}

/**
 * Receiver to sender, only where the person consented to tell the sender: the receiving country opened the person's reintegration. No personal data.
 */
export interface ReintegrationOpenedV1 {
  /**
   * Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  planId: string;
  /**
   * The sending country (where the person was), ISO 3166-1 alpha-2.
   */
  fromCountry: string;
  /**
   * The receiving country, ISO 3166-1 alpha-2.
   */
  toCountry: string;
  /**
   * When the person arrived.
   */
  arrivedAt: string;
  /**
   * When the reintegration plan is due (one month after arrival by default).
   */
  planDueAt: string;
  /**
   * Days between follow-up reports, as the corridor's agreement sets them.
   */
  followUpIntervalDays: number;
  /**
   * The person consented to tell the sending country of the reintegration.
   */
  shareWithSender: boolean;
  /**
   * The reintegration consent: purpose, when recorded, until when.
   */
  consent: {
    /**
     * What the data may be used for, as explained to the person.
     */
    purpose: string;
    /**
     * When the consent was given and recorded.
     */
    recordedAt: string;
    /**
     * When the consent ends, if given for a limited time.
     */
    expiresAt?: string;
  };
  /**
   * The return this reintegration follows, when it follows one.
   */
  returnId?: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
}

/**
 * Receiver to sender: the plan is agreed, with the kinds of support and the planned end.
 */
export interface ReintegrationPlanAgreedV1 {
  /**
   * Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  planId: string;
  /**
   * Kinds of support the plan names (HTCDS support plan types).
   *
   * @minItems 1
   * @maxItems 9
   *
   * Items: One HTCDS support plan type.
   */
  supportTypes: (
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
   * When the support is planned to end.
   */
  plannedEndDate: string;
  /**
   * Agreed after the plan's due time.
   */
  agreedLate: boolean;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
}

/**
 * Receiver to sender: the person is re-referred to other services.
 */
export interface ReintegrationReReferredV1 {
  /**
   * Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  planId: string;
  /**
   * Why, in short text without personal data.
   */
  reason: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
}

/**
 * Receiver to sender: the risk review after signs of re-trafficking is resolved: monitoring continues, or the person is re-referred.
 */
export interface ReintegrationRiskReviewResolvedV1 {
  /**
   * Id of the reintegration plan, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  planId: string;
  /**
   * Continue monitoring, or re-refer.
   */
  outcome: 'continue' | 're-refer';
  /**
   * Why, in short text without personal data.
   */
  reason: string;
  /**
   * When the next follow-up report is due.
   */
  nextFollowUpDueAt?: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
}

/**
 * Receiver to sender: the person arrived.
 */
export interface ReturnArrivalRecordedV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
  /**
   * When the step the return then waits on is due (the corridor's period); both ends keep it.
   */
  nextDueAt?: string;
}

/**
 * Sender to receiver: the best-interests determination for the child; against the return bars it.
 */
export interface ReturnBestInterestsDeterminedV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * The determination's result.
   */
  result: 'in-favour' | 'against';
  /**
   * Why, in short text without personal data.
   */
  reason?: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
  /**
   * When the step the return then waits on is due (the corridor's period); both ends keep it.
   */
  nextDueAt?: string;
}

/**
 * Sender to receiver: the person decided not to return; a return happens only by the person's decision.
 */
export interface ReturnCancelledByPersonV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * Why, in short text without personal data.
   */
  reason?: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
}

/**
 * Either end to the other: the person withdrew consent. The flow stops at once; the receiving node erases the person's data and confirms with consent.erasure-confirmed.v1.
 */
export interface ReturnConsentWithdrawnV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
}

/**
 * Sender to receiver: the person departed.
 */
export interface ReturnDepartureRecordedV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
  /**
   * When the step the return then waits on is due (the corridor's period); both ends keep it.
   */
  nextDueAt?: string;
}

/**
 * Receiver to sender: the assessment of the child's family; unsuitable bars the return.
 */
export interface ReturnFamilyAssessedV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * The assessment's result.
   */
  result: 'suitable' | 'unsuitable';
  /**
   * Why, in short text without personal data.
   */
  reason?: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
  /**
   * When the step the return then waits on is due (the corridor's period); both ends keep it.
   */
  nextDueAt?: string;
}

/**
 * Sender to receiver: a guardian was appointed for the child.
 */
export interface ReturnGuardianAppointedV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
  /**
   * When the step the return then waits on is due (the corridor's period); both ends keep it.
   */
  nextDueAt?: string;
}

/**
 * Receiver to sender: the return is complete and the person is handed over to reintegration.
 */
export interface ReturnHandedOverV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
}

/**
 * Receiver to sender: the receiving country verified (or could not confirm) the person's nationality; not confirmed ends the return.
 */
export interface ReturnNationalityVerifiedV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * Whether the nationality was confirmed.
   */
  outcome: 'confirmed' | 'not-confirmed';
  /**
   * Why, in short text without personal data.
   */
  reason?: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
  /**
   * When the step the return then waits on is due (the corridor's period); both ends keep it.
   */
  nextDueAt?: string;
}

/**
 * Sender to receiver: the person did not travel as scheduled; travel may be scheduled again.
 */
export interface ReturnNoShowRecordedV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * Why, in short text without personal data.
   */
  reason?: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
  /**
   * When the step the return then waits on is due (the corridor's period); both ends keep it.
   */
  nextDueAt?: string;
}

/**
 * Sender to receiver: the sending country confirms the reception plan.
 */
export interface ReturnReceptionPlanConfirmedV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
  /**
   * When the step the return then waits on is due (the corridor's period); both ends keep it.
   */
  nextDueAt?: string;
}

/**
 * Receiver to sender: a reception plan is proposed for the person's arrival.
 */
export interface ReturnReceptionPlanProposedV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
  /**
   * When the step the return then waits on is due (the corridor's period); both ends keep it.
   */
  nextDueAt?: string;
}

/**
 * Sender to receiver: the sending country sends the reception plan back, with why.
 */
export interface ReturnReceptionPlanRejectedV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * Why, in short text without personal data.
   */
  reason: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
  /**
   * When the step the return then waits on is due (the corridor's period); both ends keep it.
   */
  nextDueAt?: string;
}

/**
 * Sender to receiver: asks the receiving country to take the person back, after the person's informed decision and with consent that covers the receiving country. The only return message that carries personal data.
 */
export interface ReturnRequestedV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * The sending country (where the person was), ISO 3166-1 alpha-2.
   */
  fromCountry: string;
  /**
   * The receiving country, ISO 3166-1 alpha-2.
   */
  toCountry: string;
  /**
   * True when the person is a child: the child safeguards then apply.
   */
  isChild: boolean;
  /**
   * True for an unaccompanied child, who always travels with an escort.
   */
  unaccompanied: boolean;
  /**
   * When the receiving country's verification of nationality is due.
   */
  answerDueAt: string;
  /**
   * When the person's informed decision to return was recorded.
   */
  informedDecisionRecordedAt: string;
  /**
   * The consent as the protocol checks it: purpose, when recorded, until when and to which countries.
   */
  consent: {
    /**
     * What the data may be used for, as explained to the person.
     */
    purpose: string;
    /**
     * When the consent was given and recorded.
     */
    recordedAt: string;
    /**
     * When the consent ends, if given for a limited time.
     */
    expiresAt?: string;
    /**
     * Countries the data may go to; absent means no restriction beyond the addressee.
     *
     * @maxItems 50
     *
     * Items: One recipient country.
     */
    recipients?: string[];
  };
  /**
   * The person to return. Personal data: it travels only inside the encrypted payload.
   */
  person: PersonV1;
  /**
   * The person's consent record as the case keeps it.
   */
  consentRecord: ConsentV1;
  /**
   * When the sending country requested the return.
   */
  at: string;
}

/**
 * Either end to the other: that end lifted its hold; the return resumes once no hold is left.
 */
export interface ReturnResumedV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * The end that holds (or lifts) the suspension.
   */
  by: 'sender' | 'receiver';
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
  /**
   * When the step the return then waits on is due (the corridor's period); both ends keep it.
   */
  nextDueAt?: string;
}

/**
 * Either end to the other: the joint risk assessment's result; a return that is not safe ends there.
 */
export interface ReturnRiskAssessedV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * Whether the return is safe.
   */
  result: 'safe' | 'not-safe';
  /**
   * Why, in short text without personal data.
   */
  reason?: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
  /**
   * When the step the return then waits on is due (the corridor's period); both ends keep it.
   */
  nextDueAt?: string;
}

/**
 * Either end to the other: the return is suspended by that end, with why; only that end lifts its hold.
 */
export interface ReturnSuspendedV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * The end that holds (or lifts) the suspension.
   */
  by: 'sender' | 'receiver';
  /**
   * Why, in short text without personal data.
   */
  reason: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
}

/**
 * Receiver to sender: travel documents are issued.
 */
export interface ReturnTravelDocumentsIssuedV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
  /**
   * When the step the return then waits on is due (the corridor's period); both ends keep it.
   */
  nextDueAt?: string;
}

/**
 * Sender to receiver: the journey is scheduled (or rescheduled) with date, route and escort.
 */
export interface ReturnTravelScheduledV1 {
  /**
   * Id of the return, the same at both ends; it is also the envelope's pseudonymous caseId.
   */
  returnId: string;
  /**
   * When the person travels.
   */
  travelDate: string;
  /**
   * The route, as short text (e.g. EZE-VVI, flight AR1234).
   */
  route: string;
  /**
   * Who escorts the person: a role and the organisation, never a person's name. Always present for an unaccompanied child.
   */
  escort?: {
    /**
     * The escort's role.
     */
    role:
      | 'social-worker'
      | 'case-worker'
      | 'guardian'
      | 'medical-staff'
      | 'law-enforcement'
      | 'international-organisation'
      | 'other';
    /**
     * The escorting organisation.
     */
    organisation?: string;
  };
  /**
   * When the step was taken at the end that decided it.
   */
  at: string;
  /**
   * When the step the return then waits on is due (the corridor's period); both ends keep it.
   */
  nextDueAt?: string;
}

/**
 * By sex (HTCDS gender values, unknown where not recorded or erased).
 */
export type StatisticsReportBreakdown =
  | {
      /**
       * One cell per category with at least one case, in category order.
       *
       * @maxItems 300
       */
      cells: StatisticsReportCell[];
    }
  | {
      /**
       * No set of suppressed cells protects the small ones: nothing of the breakdown is published.
       */
      withheld: true;
    };
/**
 * By age band at the opening of the case.
 */
export type StatisticsReportBreakdown1 =
  | {
      /**
       * One cell per category with at least one case, in category order.
       *
       * @maxItems 300
       */
      cells: StatisticsReportCell[];
    }
  | {
      /**
       * No set of suppressed cells protects the small ones: nothing of the breakdown is published.
       */
      withheld: true;
    };
/**
 * By nationality (ISO 3166-1 alpha-2, unknown where not recorded or erased).
 */
export type StatisticsReportBreakdown2 =
  | {
      /**
       * One cell per category with at least one case, in category order.
       *
       * @maxItems 300
       */
      cells: StatisticsReportCell[];
    }
  | {
      /**
       * No set of suppressed cells protects the small ones: nothing of the breakdown is published.
       */
      withheld: true;
    };
/**
 * By form of exploitation (sexual, labour, sexual-and-labour, not-recorded).
 */
export type StatisticsReportBreakdown3 =
  | {
      /**
       * One cell per category with at least one case, in category order.
       *
       * @maxItems 300
       */
      cells: StatisticsReportCell[];
    }
  | {
      /**
       * No set of suppressed cells protects the small ones: nothing of the breakdown is published.
       */
      withheld: true;
    };

/**
 * A node's counts of its own cases of one month, per protocol and corridor, each group broken down by sex, age band, nationality and form of exploitation, one dimension at a time. Small cells are suppressed at the node before the report leaves it: a count below the threshold k is "<k", a count withheld so that a published total does not give a small one away is "withheld", a group below k publishes no breakdown, and a breakdown that cannot be protected is withheld whole. Aggregates only: never a case id, a name, a date of birth or free text. Published on the network's statistics topic as a JWS signed by the node, for the secretariat's monitor.
 */
export interface StatisticsReportV1 {
  /**
   * Unique id of this report; a later report of the same node and month replaces it.
   */
  reportId: string;
  /**
   * The network's name.
   */
  network: string;
  /**
   * The country whose node counted its cases (and signed the report).
   */
  country: string;
  /**
   * The calendar month (UTC) in which the cases counted were opened at the node.
   */
  month: string;
  /**
   * When the node counted.
   */
  generatedAt: string;
  /**
   * k: counts from 1 to k-1 are never published.
   */
  threshold: number;
  /**
   * One entry per protocol and corridor with at least one case.
   *
   * @maxItems 10000
   */
  groups: StatisticsReportGroup[];
}
export interface StatisticsReportGroup {
  /**
   * The protocol of the cases counted.
   */
  protocol: 'referral' | 'return' | 'reintegration';
  /**
   * The corridor's first end: the country the cases go from.
   */
  fromCountry: string;
  /**
   * The corridor's other end: the country the cases go to.
   */
  toCountry: string;
  /**
   * The group's number of cases, or "<k" when below the threshold.
   */
  total: number | string;
  /**
   * The group's cases by each dimension, one at a time (never crossed).
   */
  breakdowns: {
    sex: StatisticsReportBreakdown;
    ageBand: StatisticsReportBreakdown1;
    nationality: StatisticsReportBreakdown2;
    exploitation: StatisticsReportBreakdown3;
  };
}
export interface StatisticsReportCell {
  /**
   * A code: an HTCDS gender, an age band, an ISO 3166-1 country, a form of exploitation, or unknown.
   */
  category: string;
  /**
   * The count (at least k), "<k" for 1 to k-1, or "withheld" (at least k, hidden so that the total does not give a small cell away).
   */
  count: number | string | 'withheld';
}
