/**
 * An event that would change a replica this end never started: its stream lacks the creating event. evolve()
 * cannot invent the missing facts (countries, side), so it refuses instead of building a state from nothing.
 */
export class OrphanProtocolEvent extends Error {
  override readonly name: string = 'OrphanProtocolEvent';

  constructor(
    readonly protocol: string,
    readonly eventType: string,
  ) {
    super(`${protocol} event ${eventType} has no state to apply to: the stream lacks its creating event`);
  }
}
