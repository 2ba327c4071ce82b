import { returnEvents as e } from '../testing/return.fixtures';
import { returnEventsForCounterpart } from './return.counterpart';

describe('returnEventsForCounterpart', () => {
  it('should share the request, which the receiver takes as the request it receives', () => {
    expect(returnEventsForCounterpart([e.requested()], 'sender')).toEqual([e.requested()]);
  });

  it('should keep the delivery at each end: the receipt carries it back', () => {
    expect(returnEventsForCounterpart([e.delivered()], 'sender')).toEqual([]);
    expect(returnEventsForCounterpart([e.received()], 'receiver')).toEqual([]);
  });

  it.each([
    e.safe(),
    e.guardianAppointed(),
    e.bestInterestsAgainst(),
    e.planConfirmed(),
    e.travelScheduled(),
    e.departed(),
    e.suspended('sender'),
    e.cancelled(),
    e.consentWithdrawn(),
  ])("should share the sender's $type", (event) => {
    expect(returnEventsForCounterpart([event], 'sender')).toEqual([event]);
  });

  it.each([
    e.nationalityConfirmed(),
    e.notSafe(),
    e.familyUnsuitable(),
    e.planProposed(),
    e.documentsIssued(),
    e.arrived(),
    e.handedOver(),
    e.resumed('receiver'),
  ])("should share the receiver's $type", (event) => {
    expect(returnEventsForCounterpart([event], 'receiver')).toEqual([event]);
  });
});
