/**
 * The plain, signed part of an envelope: everything the network needs to route it and the secretariat needs to
 * watch the flow, and nothing personal (the case id is pseudonymous).
 */
export interface EnvelopeHeader {
  /** UUID, chosen by the sender once per message so that retries keep it and duplicates can be detected. */
  id: string;
  /** Message type with its major version, e.g. `referral.requested.v1`. */
  type: string;
  network: string;
  /** ISO 3166-1 alpha-2 code of the sending member. */
  from: string;
  /** ISO 3166-1 alpha-2 code of the addressee. */
  to: string;
  /** Pseudonymous case id, the same at both ends; also the Kafka key that keeps one case's messages ordered. */
  caseId: string;
  correlationId: string;
  causationId?: string;
  /** ISO 8601 date-time. */
  sentAt: string;
  /** URI (usually a URN) of the JSON Schema the opened payload conforms to. */
  schema: string;
}

/** What the sender signs: the header and the payload as a JWE compact serialization for the addressee. */
export interface EnvelopeContent {
  header: EnvelopeHeader;
  payload: string;
}

/** What anyone holding the directory can learn from a wire: the header, proven to come from its sender. */
export interface VerifiedEnvelope {
  header: EnvelopeHeader;
  /** Kid of the sender's signing key that verified the signature. */
  signingKid: string;
  /** SHA-256 of the wire bytes, base64url: names this exact envelope in receipts and audits. */
  digest: string;
}

/** An envelope opened by its addressee. */
export interface OpenedEnvelope<T = unknown> {
  header: EnvelopeHeader;
  payload: T;
  /** The JWS compact serialization as received. */
  wire: string;
  /** SHA-256 of the wire bytes, base64url. */
  digest: string;
}
