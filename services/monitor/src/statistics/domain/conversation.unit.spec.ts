import { randomUUID } from 'node:crypto';
import { ConversationState, EMPTY_CONVERSATION, recordInConversation } from './conversation';
import { EnvelopeFacts } from './envelope-facts';

const correlationId = randomUUID();
const at = (minute: number) => new Date(Date.UTC(2025, 2, 14, 9, minute));

function message(type: string, from: string, to: string, minute: number): EnvelopeFacts {
  return { id: randomUUID(), type, from, to, sentAt: at(minute), correlationId };
}

function whenRead(...envelopes: EnvelopeFacts[]) {
  let state: ConversationState = EMPTY_CONVERSATION;
  const measured = envelopes.flatMap((envelope) => {
    const result = recordInConversation(state, envelope);
    state = result.state;
    return result.measured;
  });
  return { state, measured: measured.map((m) => `${m.question.from}>${m.question.to} ${m.delayMs / 60_000} min`) };
}

describe(recordInConversation, () => {
  const requested = message('referral.requested.v1', 'CO', 'EC', 0);
  const receipt = message('receipt.delivered.v1', 'EC', 'CO', 1);
  const infoRequested = message('referral.information-requested.v1', 'EC', 'CO', 30);
  const infoProvided = message('referral.information-provided.v1', 'CO', 'EC', 45);
  const accepted = message('referral.accepted.v1', 'EC', 'CO', 90);

  it('should measure from a question to the other country’s first reply, a receipt being no reply', () => {
    expect(whenRead(requested, receipt, accepted).measured).toEqual(['CO>EC 90 min']);
  });

  it('should measure each round of a conversation', () => {
    expect(whenRead(requested, infoRequested, infoProvided, accepted).measured).toEqual([
      'CO>EC 30 min',
      'EC>CO 15 min',
      'CO>EC 45 min',
    ]);
  });

  it('should pair a question read after its answer (topics are read in no particular order)', () => {
    const { measured, state } = whenRead(accepted, requested);

    expect(measured).toEqual(['CO>EC 90 min']);
    expect(state.questions).toEqual([]);
  });

  it('should measure nothing twice when an envelope is read again', () => {
    expect(whenRead(requested, accepted, accepted, requested).measured).toEqual(['CO>EC 90 min']);
  });

  it('should not take a message of the asking country for an answer', () => {
    const withdrawn = message('referral.withdrawn.v1', 'CO', 'EC', 10);

    const { measured, state } = whenRead(requested, withdrawn);

    expect(measured).toEqual([]);
    expect(state.questions.map((question) => question.id)).toEqual([requested.id]);
  });
});
