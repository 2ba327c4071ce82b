/** ISO 3166-1 alpha-2, as every contract names countries. */
export const COUNTRY_CODE = /^[A-Z]{2}$/;
/** As contracts/messages/envelope-header.v1 names networks (also a valid part of a Kafka topic name). */
export const NETWORK_NAME = /^[a-z][a-z0-9-]{1,30}$/;
