import {
  DirectoryEntryVerifier,
  FileMemberDirectory,
  SignedMemberDirectory,
  loadTrustAnchors,
  type DirectoryMember,
  type MemberDirectory,
} from '@enlace/envelope';
import type { Kafka } from 'kafkajs';
import { KafkaMemberDirectory, type DirectoryReader } from './kafka-member-directory';

/** A member directory that can also list its members (the monitor's node list, the courier's start line). */
export type ListedMemberDirectory = MemberDirectory & { members(): DirectoryMember[] };

/** Where the directory's reader says what it does (a Nest Logger fits). */
export interface DirectoryLog {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface NetworkMemberDirectoryOptions {
  readonly network: string;
  readonly reader: DirectoryReader;
  /** The network's trust anchors: members are then taken from the signed directory topic, and only from it. */
  readonly trustAnchorsFile?: string;
  /** Without trust anchors, a fixed unsigned file (development; production refuses it). */
  readonly directoryFile?: string;
  readonly log: DirectoryLog;
}

/**
 * The network's members as a process that verifies their signatures must know them, the courier's and the
 * monitor's alike: given trust anchors, the compacted directory topic read from the start, where only entries (and
 * tombstones) a trust anchor signed count; else the directory file. Reading the topic starts in the background and
 * goes on for as long as the process runs; `start()` on the answer resolves once the topic was read to its end.
 */
export async function openNetworkMemberDirectory(
  kafka: Kafka,
  options: NetworkMemberDirectoryOptions,
): Promise<ListedMemberDirectory> {
  if (options.trustAnchorsFile === undefined) return FileMemberDirectory.load(options.directoryFile ?? '');
  const anchors = await loadTrustAnchors(options.trustAnchorsFile);
  if (anchors.network !== options.network) {
    throw new Error(`The trust anchors in ${options.trustAnchorsFile} are for network ${anchors.network}`);
  }
  const { log } = options;
  const signed = new SignedMemberDirectory(new DirectoryEntryVerifier(anchors), {
    onRefused: (country, error) =>
      log.warn(`ignored a directory record of ${country ?? '(no key)'}: ${error.reason}: ${error.message}`),
  });
  const directory = new KafkaMemberDirectory(kafka, signed, { network: options.network, reader: options.reader });
  directory
    .start((error, attempt) => log.warn(`waiting for the directory topic (attempt ${attempt}): ${error.message}`))
    .then(
      () => log.log(`directory read: ${signed.members().length} members`),
      (error: Error) => log.error(`the directory reader stopped: ${error.message}`),
    );
  return directory;
}
