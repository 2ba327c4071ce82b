import { caseWaitsOnUs, casesDueFirst, type DueCase } from './case-due-first';

const item = (id: string, over: Partial<DueCase>): DueCase & { id: string } => ({
  id,
  direction: 'incoming',
  overdue: false,
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('caseWaitsOnUs', () => {
  it('should name the receiving end for incoming cases and the sending end for outgoing ones', () => {
    expect(caseWaitsOnUs({ direction: 'incoming', pendingOn: 'receiver' })).toBe(true);
    expect(caseWaitsOnUs({ direction: 'incoming', pendingOn: 'sender' })).toBe(false);
    expect(caseWaitsOnUs({ direction: 'outgoing', pendingOn: 'sender' })).toBe(true);
    expect(caseWaitsOnUs({ direction: 'outgoing', pendingOn: 'receiver' })).toBe(false);
  });

  it('should say no for a case that waits on nobody (ended)', () => {
    expect(caseWaitsOnUs({ direction: 'incoming' })).toBe(false);
  });
});

describe('casesDueFirst', () => {
  it('should put ours first, then overdue, then the nearest due time, then the latest change', () => {
    const sorted = casesDueFirst([
      item('theirs-overdue', { pendingOn: 'sender', overdue: true, dueAt: '2026-01-01T00:00:00Z' }),
      item('ours-late-due', { pendingOn: 'receiver', dueAt: '2026-03-01T00:00:00Z' }),
      item('ended-old', { updatedAt: '2025-01-01T00:00:00Z' }),
      item('ours-overdue', { pendingOn: 'receiver', overdue: true, dueAt: '2026-02-01T00:00:00Z' }),
      item('ours-early-due', { pendingOn: 'receiver', dueAt: '2026-02-01T00:00:00Z' }),
      item('ended-new', { updatedAt: '2026-06-01T00:00:00Z' }),
    ]);
    expect(sorted.map((entry) => entry.id)).toEqual([
      'ours-overdue',
      'ours-early-due',
      'ours-late-due',
      'theirs-overdue',
      'ended-new',
      'ended-old',
    ]);
  });
});
