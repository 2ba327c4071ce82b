import type { RecordMetadata } from 'kafkajs';
import { DroppedRecordsError } from './dropped-records.error';
import { assertEveryPartitionAnswered } from './kafka-envelope-publisher';
import { isTransientBrokerFailure } from './transient-broker-failure';

const answer = (topicName: string, partition: number): RecordMetadata => ({ topicName, partition, errorCode: 0 });

describe('a produce counts as done only when every partition it wrote to answered', () => {
  it('should accept answers for every partition written to', () => {
    expect(() =>
      assertEveryPartitionAnswered(new Set(['inbox.co[0]', 'inbox.co[2]']), [
        answer('inbox.co', 2),
        answer('inbox.co', 0),
      ]),
    ).not.toThrow();
  });

  it('should fail, as transient, when the client dropped a partition whose leader moved', () => {
    // given records written to partitions 0, 1 and 2; when the answers name only 0 and 2
    const check = () =>
      assertEveryPartitionAnswered(new Set(['inbox.co[0]', 'inbox.co[1]', 'inbox.co[2]']), [
        answer('inbox.co', 0),
        answer('inbox.co', 2),
      ]);
    // then the produce fails, naming the partition, and is worth trying again
    expect(check).toThrow(DroppedRecordsError);
    expect(check).toThrow('inbox.co[1]');
    let thrown: unknown;
    try {
      check();
    } catch (error) {
      thrown = error;
    }
    expect(isTransientBrokerFailure(thrown)).toBe(true);
  });

  it('should tell partitions of different topics apart', () => {
    expect(() => assertEveryPartitionAnswered(new Set(['inbox.ec[1]']), [answer('inbox.co', 1)])).toThrow(
      'inbox.ec[1]',
    );
  });
});
