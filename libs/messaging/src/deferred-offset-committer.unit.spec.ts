import { DeferredOffsetCommitter, PartitionOffset } from './deferred-offset-committer';

describe(DeferredOffsetCommitter, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const committerWith = (fail = false) => {
    const commits: PartitionOffset[][] = [];
    const errors: Error[] = [];
    const committer = new DeferredOffsetCommitter(
      async (offsets) => {
        commits.push(offsets);
        if (fail) throw new Error('rebalancing');
      },
      200,
      (error) => errors.push(error),
    );
    return { committer, commits, errors };
  };

  describe('done', () => {
    it('should commit, once the interval has passed, the offset after the last record done of each partition', async () => {
      const { committer, commits } = committerWith();

      committer.done('inbox', 0, '41');
      committer.done('inbox', 1, '7');
      committer.done('inbox', 0, '45');
      expect(commits).toEqual([]);
      await jest.advanceTimersByTimeAsync(200);

      expect(commits).toEqual([
        [
          { topic: 'inbox', partition: 0, offset: '46' },
          { topic: 'inbox', partition: 1, offset: '8' },
        ],
      ]);
    });

    it('should commit nothing more when nothing was done since', async () => {
      const { committer, commits } = committerWith();

      committer.done('inbox', 0, '1');
      await jest.advanceTimersByTimeAsync(1_000);

      expect(commits).toHaveLength(1);
    });
  });

  describe('flush', () => {
    it('should commit what is pending at once', async () => {
      const { committer, commits } = committerWith();

      committer.done('inbox', 2, '99');
      await committer.flush();

      expect(commits).toEqual([[{ topic: 'inbox', partition: 2, offset: '100' }]]);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(commits).toHaveLength(1);
    });

    it('should report a failed commit and go on', async () => {
      const { committer, errors } = committerWith(true);

      committer.done('inbox', 0, '1');
      await committer.flush();

      expect(errors.map((error) => error.message)).toEqual(['rebalancing']);
    });
  });

  describe('forget', () => {
    it('should commit nothing of what was done before a rebalance', async () => {
      const { committer, commits } = committerWith();

      committer.done('inbox', 0, '10');
      committer.forget();
      await jest.advanceTimersByTimeAsync(1_000);

      expect(commits).toEqual([]);
    });
  });
});
