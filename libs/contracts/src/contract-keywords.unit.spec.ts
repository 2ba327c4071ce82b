import { isNotInTheFuture } from './contract-keywords';
import { MessageValidator } from './message-validator';
import { NodeApiRequestValidator } from './node-api-request-validator';

describe(isNotInTheFuture, () => {
  const now = new Date('2026-12-05T12:00:00.000Z'); // 02:00 on the 6th at UTC+14

  it.each([
    ['a date long past', '1998-07-21', true],
    ['today in UTC', '2026-12-05', true],
    ['tomorrow in UTC, already today east of it (UTC+14)', '2026-12-06', true],
    ['the day after tomorrow', '2026-12-07', false],
    ['next year', '2027-01-01', false],
  ])('should say of %s: %s', (_case, date, expected) => {
    expect(isNotInTheFuture(date, now)).toBe(expected);
  });
});

describe('x-enlace-not-future in the contracts', () => {
  // Three days past today in UTC: after today in every time zone (next 1 January, the date used before, is already
  // today at UTC+14 from 10:00 UTC on 31 December).
  const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

  it('should refuse a birthdate in the future in a request, naming the field', () => {
    const requests = new NodeApiRequestValidator();

    expect(requests.validate('PersonInput', { firstName: 'Ana', birthdate: future })).toEqual([
      { path: '/birthdate', message: 'must not be a date in the future' },
    ]);
    expect(requests.validate('PersonInput', { firstName: 'Ana', birthdate: '1998-07-21' })).toEqual([]);
  });

  it('should refuse it in a message, too', () => {
    const messages = new MessageValidator();

    expect(messages.validate('urn:enlace:schema:person.v1', { firstName: 'Ana', birthdate: future })).toEqual([
      { path: '/birthdate', message: 'must not be a date in the future' },
    ]);
  });
});
