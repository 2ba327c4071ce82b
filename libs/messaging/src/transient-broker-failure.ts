import { KafkaJSError } from 'kafkajs';
import { DroppedRecordsError } from './dropped-records.error';
import { DirectoryUnavailableError } from './kafka-member-directory';

/**
 * Whether an error says the broker is away or busy for now (connection lost, request timed out, leader moving,
 * kafkajs giving up its own retries, the directory not read yet): worth trying again later, never a reason to dead-letter a message.
 */
export function isTransientBrokerFailure(error: unknown): boolean {
  if (error instanceof DirectoryUnavailableError || error instanceof DroppedRecordsError) return true;
  if (!(error instanceof KafkaJSError)) return false;
  if (error.retriable) return true;
  return [
    'KafkaJSConnectionError',
    'KafkaJSConnectionClosedError',
    'KafkaJSRequestTimeoutError',
    'KafkaJSNumberOfRetriesExceeded',
    'KafkaJSBrokerNotFound',
    'KafkaJSLockTimeout',
    'KafkaJSNonRetriableError',
    'KafkaJSAggregateError',
  ].includes(error.name);
}
