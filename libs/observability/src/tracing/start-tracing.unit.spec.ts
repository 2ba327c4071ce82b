import type { IncomingMessage } from 'node:http';
import { redactedQueryAttributes, tracingRequested } from './start-tracing';

describe('tracingRequested', () => {
  it('should be off by default, and when the exporter is none or the SDK disabled', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: ' ' })).toBe(false);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'TRUE' })).toBe(false);
  });

  it('should be on when OTEL_TRACES_EXPORTER names an exporter', () => {
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'none,console' })).toBe(true);
  });
});

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
