import { decodeListCursor } from '../../common/paging/list-cursor';
import { caseListDigest, encodeCaseListCursor, isCaseListPosition } from './case-list-cursor';
import type { CaseListSort } from './case-list.query';

const decodeCaseListCursor = (text: string, sort: CaseListSort, digest: string) =>
  decodeListCursor(text, sort, digest, isCaseListPosition);

const position = { key: '2026-12-05T10:11:12.123456Z', id: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10' };

describe('encodeCaseListCursor', () => {
  it('should give an opaque URL-safe text that decodes to the same position for the same list', () => {
    const digest = caseListDigest({ direction: 'incoming', status: 'delivered' }, 'updated');

    const cursor = encodeCaseListCursor('updated', digest, position);

    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCaseListCursor(cursor, 'updated', digest)).toEqual(position);
  });

  it('should carry the infinite key of a case with no due step', () => {
    const digest = caseListDigest({}, 'due');
    const cursor = encodeCaseListCursor('due', digest, { key: 'infinity', id: position.id });

    expect(decodeCaseListCursor(cursor, 'due', digest)).toEqual({ key: 'infinity', id: position.id });
  });
});

describe('decodeListCursor with isCaseListPosition', () => {
  const digest = caseListDigest({ direction: 'incoming' }, 'updated');
  const cursor = encodeCaseListCursor('updated', digest, position);
  const forged = (content: unknown) => Buffer.from(JSON.stringify(content)).toString('base64url');

  it('should refuse a cursor made for other filters or another sort', () => {
    expect(decodeCaseListCursor(cursor, 'updated', caseListDigest({ direction: 'outgoing' }, 'updated'))).toBe(
      undefined,
    );
    expect(decodeCaseListCursor(cursor, 'created', caseListDigest({ direction: 'incoming' }, 'created'))).toBe(
      undefined,
    );
  });

  it.each([
    ['not base64 JSON', 'bm90IGpzb24'],
    ['a JSON that is not an object', forged(42)],
    ['another version', forged({ v: 1, s: 'updated', f: digest, p: position })],
    [
      'a key that is not an instant',
      forged({ v: 2, s: 'updated', f: digest, p: { key: "1' or '1'='1", id: position.id } }),
    ],
    [
      'a day that does not exist',
      forged({ v: 2, s: 'updated', f: digest, p: { key: '2026-13-45T10:11:12.123456Z', id: 'a' } }),
    ],
    ['an id with other characters', forged({ v: 2, s: 'updated', f: digest, p: { key: position.key, id: "x' --" } })],
  ])('should refuse %s', (_, text) => {
    expect(decodeCaseListCursor(text, 'updated', digest)).toBe(undefined);
  });
});

describe('caseListDigest', () => {
  it('should differ for every filter and for the sort, and leave the search text out', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const filters = [
      {},
      { direction: 'incoming' as const },
      { status: 'sent' },
      { stage: 'open' as const },
      { counterpart: 'EC' },
      { urgency: 'high' },
      { overdue: true },
      { overdue: false },
      { dueBefore: at },
      { createdFrom: at },
      { createdTo: at },
    ];
    const digests = filters.map((filter) => caseListDigest(filter, 'updated'));

    expect(new Set(digests).size).toBe(filters.length);
    expect(caseListDigest({}, 'due')).not.toBe(caseListDigest({}, 'updated'));
    expect(caseListDigest({ search: 'Ana Pérez' }, 'updated')).toBe(caseListDigest({}, 'updated'));
  });
});
