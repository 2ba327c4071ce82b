import { EnvelopeFacts } from './envelope-facts';
import { admitEnvelope, recordReceipt, unseenTrace } from './envelope-trace';

const envelope: EnvelopeFacts = {
  id: 'e-1',
  type: 'referral.requested.v1',
  from: 'CO',
  to: 'EC',
  sentAt: new Date('2025-03-14T09:00:00Z'),
  correlationId: 'c-1',
  caseId: 'case-1',
};
const receiptAt = new Date('2025-03-14T09:00:03Z');

describe(admitEnvelope, () => {
  it('should admit an envelope the first time only, keeping its routing facts and nothing of its case', () => {
    const first = admitEnvelope(unseenTrace('e-1'), envelope);

    expect(first).toEqual({
      firstSeen: true,
      trace: {
        id: 'e-1',
        counted: true,
        envelope: { id: 'e-1', type: 'referral.requested.v1', from: 'CO', to: 'EC', sentAt: envelope.sentAt },
      },
    });
    expect(first.firstSeen && admitEnvelope(first.trace, envelope)).toEqual({ firstSeen: false });
  });

  it('should hand over a receipt that was read before its envelope', () => {
    const { trace } = recordReceipt(unseenTrace('e-1'), receiptAt);

    expect(admitEnvelope(trace, envelope)).toMatchObject({ firstSeen: true, receiptSentAt: receiptAt });
  });
});

describe(recordReceipt, () => {
  it('should give the envelope to measure when it was counted before its receipt', () => {
    const admitted = admitEnvelope(unseenTrace('e-1'), envelope);
    if (!admitted.firstSeen) throw new Error('not admitted');

    const { delivered, trace } = recordReceipt(admitted.trace, receiptAt);

    expect(delivered).toMatchObject({ id: 'e-1', from: 'CO', to: 'EC', sentAt: envelope.sentAt });
    expect(trace.receiptSentAt).toEqual(receiptAt);
  });

  it('should measure nothing for a receipt of an envelope not counted yet, nor for a second receipt', () => {
    const first = recordReceipt(unseenTrace('e-1'), receiptAt);
    const second = recordReceipt(first.trace, new Date('2025-03-14T10:00:00Z'));

    expect(first.delivered).toBeUndefined();
    expect(second).toEqual({ trace: first.trace });
  });
});
