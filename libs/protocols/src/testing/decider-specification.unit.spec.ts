import { DeciderSpecification } from './decider-specification';

// A counter that refuses to go below zero: the smallest decider that exercises every branch of the helper.
type Command = { type: 'Add' | 'Remove'; amount: number };
type Event = { type: 'Added' | 'Removed'; amount: number };

const given = DeciderSpecification.for<number, Command, Event>({
  initialState: () => 0,
  evolve: (total, event) => (event.type === 'Added' ? total + event.amount : total - event.amount),
  decide: (total, command) => {
    if (command.type === 'Remove' && command.amount > total) {
      throw Object.assign(new Error('below zero'), { code: 'BELOW_ZERO' });
    }
    return [{ type: command.type === 'Add' ? 'Added' : 'Removed', amount: command.amount }];
  },
});

describe('DeciderSpecification', () => {
  describe('then', () => {
    it('should decide on the state folded from the given events', () => {
      given([{ type: 'Added', amount: 2 }])
        .when({ type: 'Remove', amount: 2 })
        .then([{ type: 'Removed', amount: 2 }]);
    });

    it('should fail when the events differ', () => {
      expect(() => given([]).when({ type: 'Add', amount: 1 }).then([])).toThrow();
    });
  });

  describe('thenThrows', () => {
    it('should pass when the decision breaks the named rule', () => {
      given([]).when({ type: 'Remove', amount: 1 }).thenThrows('BELOW_ZERO');
    });

    it('should fail when the decision succeeds or breaks another rule', () => {
      expect(() => given([]).when({ type: 'Add', amount: 1 }).thenThrows('BELOW_ZERO')).toThrow();
      expect(() => given([]).when({ type: 'Remove', amount: 1 }).thenThrows('OTHER')).toThrow();
    });
  });
});
