import type { IncomingMessage } from 'node:http';
import { redactedQueryAttributes } from './redacted-query';

describe('redactedQueryAttributes', () => {
  const request = (url: string) => ({ url }) as IncomingMessage;

  it('should keep the names of the query and none of its values', () => {
    expect(redactedQueryAttributes(request('/api/v1/referrals?q=Maria%20Rojas&status=sent'))).toEqual({
      'url.query': 'q=REDACTED&status=REDACTED',
    });
  });

  it('should add nothing to a request without a query', () => {
    expect(redactedQueryAttributes(request('/api/v1/referrals'))).toEqual({});
  });
});
