import { FailureCounter } from './failure-counter';

describe(FailureCounter.name, () => {
  describe('failed', () => {
    it('should say a unit is exhausted at its last try, and start again after that', () => {
      const counter = new FailureCounter(3);
      expect([1, 2, 3].map(() => counter.failed('a'))).toEqual([
        { tries: 1, exhausted: false },
        { tries: 2, exhausted: false },
        { tries: 3, exhausted: true },
      ]);
      expect(counter.failed('a')).toEqual({ tries: 1, exhausted: false });
    });

    it('should count each unit apart and forget one that succeeded', () => {
      const counter = new FailureCounter(2);
      counter.failed('a');
      counter.succeeded('a');
      expect(counter.failed('b').tries).toBe(1);
      expect(counter.failed('a').tries).toBe(1);
    });

    it('should forget the oldest units beyond its capacity', () => {
      const counter = new FailureCounter(5, 2);
      counter.failed('a');
      counter.failed('b');
      counter.failed('c');
      expect(counter.failed('a').tries).toBe(1);
      expect(counter.failed('c').tries).toBe(2);
    });
  });
});
