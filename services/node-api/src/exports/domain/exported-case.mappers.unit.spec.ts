import type { ReintegrationState, ReturnState } from '@enlace/protocols';
import type { ProtocolCaseDocument } from '../../cases/persistence/protocol-case.document';
import { exportedReintegration, exportedReturn } from './exported-case.mappers';

const at = new Date('2026-03-04T00:00:00Z');
function caseOf<S>(protocol: 'return' | 'reintegration', state: Partial<S>): ProtocolCaseDocument<S> {
  return {
    _id: 'c-1',
    protocol,
    direction: 'outgoing',
    state: { fromCountry: 'AR', toCountry: 'BO', ...state } as S,
    timeline: [],
    outbox: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

describe('exported cases', () => {
  it.each([
    ['requested', 'Active'],
    ['handed-over', 'ClosedReferred'],
    ['cancelled', 'Closed'],
    ['barred', 'Closed'],
  ] as const)('should give a return %s the HTCDS status %s', (status, htcds) => {
    expect(exportedReturn(caseOf<ReturnState>('return', { status })).htcdsStatus).toBe(htcds);
  });

  it('should carry a cancelled return’s reason as the closure reason, and an erasure without the person', () => {
    const document = {
      ...caseOf<ReturnState>('return', { status: 'cancelled', cancellationReason: 'changed mind' }),
      erasure: { erasedAt: '2026-03-05T00:00:00Z', confirmedBy: [] },
    };
    expect(exportedReturn(document)).toMatchObject({ closureReason: 'changed mind', erasedAt: '2026-03-05T00:00:00Z' });
    expect(exportedReturn(document).person).toBeUndefined();
  });

  it('should give a reintegration in monitoring the HTCDS status FollowUp', () => {
    expect(
      exportedReintegration(caseOf<ReintegrationState>('reintegration', { status: 'monitoring' })).htcdsStatus,
    ).toBe('FollowUp');
  });
});
