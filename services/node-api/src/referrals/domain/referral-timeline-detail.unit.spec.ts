import { ReferralEvent } from '@enlace/protocols';
import { timelineDetailFor } from './referral-timeline-detail';

const referralId = '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10';
const at = '2025-03-15T10:00:00.000Z';

describe('timelineDetailFor', () => {
  it.each<[string, ReferralEvent, string]>([
    ['a decline', { type: 'ReferralDeclined', data: { referralId, reason: 'No capacity', at } }, 'No capacity'],
    ['a withdrawal', { type: 'ReferralWithdrawn', data: { referralId, reason: 'Found help', at } }, 'Found help'],
    ['a question', { type: 'InformationRequested', data: { referralId, question: 'Which city?', at } }, 'Which city?'],
    ['an answer', { type: 'InformationProvided', data: { referralId, answer: 'Quito', at } }, 'Quito'],
    ['a successful closing', { type: 'ReferralClosed', data: { referralId, outcome: 'successful', at } }, 'successful'],
    [
      'an unsuccessful closing',
      { type: 'ReferralClosed', data: { referralId, outcome: 'unsuccessful', reason: 'Moved away', at } },
      'unsuccessful: Moved away',
    ],
  ])('should keep the text of %s', (_step, event, detail) => {
    expect(timelineDetailFor(event)).toBe(detail);
  });

  it('should keep the note of an acceptance, and nothing without one', () => {
    const accepted: ReferralEvent = { type: 'ReferralAccepted', data: { referralId, at } };

    expect(timelineDetailFor(accepted, 'First appointment on Monday')).toBe('First appointment on Monday');
    expect(timelineDetailFor(accepted)).toBeUndefined();
  });

  it('should give no detail for steps without text, whatever note is around', () => {
    expect(timelineDetailFor({ type: 'ServiceStarted', data: { referralId, at } }, 'a note')).toBeUndefined();
    expect(timelineDetailFor({ type: 'ReferralExpired', data: { referralId, at } })).toBeUndefined();
  });
});
