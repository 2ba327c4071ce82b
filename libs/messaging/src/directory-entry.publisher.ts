import { EnvelopePublisher } from './envelope-publisher.port';
import { TopicNames } from './topic-names';

/**
 * Puts signed directory entries on the network's compacted directory topic, keyed by country. It writes no null
 * record (tombstone): nodes refuse them, and a member leaves by a signed removal entry.
 */
export class DirectoryEntryPublisher {
  constructor(
    private readonly publisher: EnvelopePublisher,
    private readonly network: string,
  ) {}

  async publish(entries: ReadonlyArray<{ country: string; signed: string }>): Promise<void> {
    await this.publisher.publish(
      TopicNames.directory(this.network),
      entries.map(({ country, signed }) => ({ key: country, value: signed })),
    );
  }
}
