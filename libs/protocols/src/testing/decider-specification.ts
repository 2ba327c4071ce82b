/**
 * given/when/then for pure deciders, after emmett's DeciderSpecification: the given events are folded with
 * evolve from the initial state, the command is decided on the result, and the test states the events it
 * expects or the rule it expects to be broken. Uses Jest's global `expect`, so it is for tests only.
 */
export interface Decider<State, Command, Event> {
  decide: (state: State, command: Command) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
}

export interface DeciderThen<Event> {
  then(expected: Event[]): void;
  /** Expects a thrown error whose `code` is the given one. */
  thenThrows(code: string): void;
}

export interface DeciderWhen<Command, Event> {
  when(command: Command): DeciderThen<Event>;
}

export type DeciderGiven<Command, Event> = (events: Event[]) => DeciderWhen<Command, Event>;

function forDecider<State, Command, Event>(decider: Decider<State, Command, Event>): DeciderGiven<Command, Event> {
  return (givenEvents) => ({
    when: (command) => {
      const decideOnGiven = (): Event[] =>
        decider.decide(givenEvents.reduce(decider.evolve, decider.initialState()), command);
      return {
        then: (expected) => {
          expect(decideOnGiven()).toEqual(expected);
        },
        thenThrows: (code) => {
          let thrown: unknown;
          try {
            decideOnGiven();
          } catch (error: unknown) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(Error);
          expect(thrown).toMatchObject({ code });
        },
      };
    },
  });
}

export const DeciderSpecification = { for: forDecider };
