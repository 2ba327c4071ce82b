import type { OutboxEntry } from '@enlace/store';
import { undeliveredMessagesOf } from './undelivered-messages.view';

const entry = (envelopeId: string, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  envelopeId,
  type: 'referral.requested.v1',
  to: 'ZZ',
  caseId: 'case-1',
  correlationId: 'case-1',
  createdAt: new Date('2026-01-01T00:00:00Z'),
  ...extra,
});

describe('undeliveredMessagesOf', () => {
  it('should list the entries set aside, with type, addressee, reason and when', () => {
    const at = new Date('2026-01-02T00:00:00Z');
    expect(
      undeliveredMessagesOf([
        entry('sent', { sentAt: at }),
        entry('aside', { undeliverable: { reason: 'UNKNOWN_RECIPIENT', at } }),
        entry('waiting'),
      ]),
    ).toEqual({
      undelivered: [{ type: 'referral.requested.v1', to: 'ZZ', reason: 'UNKNOWN_RECIPIENT', at: at.toISOString() }],
    });
  });

  it('should add nothing to the view when every entry left or waits', () => {
    expect(undeliveredMessagesOf([entry('sent', { sentAt: new Date() }), entry('waiting')])).toEqual({});
  });
});
