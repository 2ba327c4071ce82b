import { MessageValidator } from '@enlace/contracts';
import { overdueAnnouncementOf } from './overdue-announcement';

describe('overdueAnnouncementOf', () => {
  const validator = new MessageValidator();
  const overdue = {
    protocol: 'return' as const,
    caseRef: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
    step: 'requested',
    counterpart: 'BO',
    due: new Date('2025-05-16T10:00:00Z'),
  };

  it('should build an announcement that conforms to deadline.overdue.v1', () => {
    const { announcement } = overdueAnnouncementOf('andes', 'AR', overdue, new Date('2025-05-16T10:05:00Z'));

    expect(validator.validate('urn:enlace:schema:deadline.overdue.v1', announcement)).toEqual([]);
    expect(announcement).toMatchObject({
      country: 'AR',
      counterpart: 'BO',
      step: 'requested',
      dueAt: '2025-05-16T10:00:00.000Z',
    });
  });

  it('should give the same step and due time the same notice id, and another due time another', () => {
    const first = overdueAnnouncementOf('andes', 'AR', overdue, new Date());
    const again = overdueAnnouncementOf('andes', 'AR', overdue, new Date());
    const later = overdueAnnouncementOf(
      'andes',
      'AR',
      { ...overdue, due: new Date('2025-06-01T00:00:00Z') },
      new Date(),
    );

    expect(again.noticeId).toBe(first.noticeId);
    expect(later.noticeId).not.toBe(first.noticeId);
  });
});
