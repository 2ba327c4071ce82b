import { keepEnvelopeTraceparent, withEnvelopeTraceparent } from './envelope-trace-header';

const ENVELOPE = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const SEND_SPAN = '00-11111111111111111111111111111111-2222222222222222-01';

describe('keepEnvelopeTraceparent', () => {
  it("should put the envelope's traceparent back over the one the Kafka instrumentation wrote", () => {
    const headers: Record<string, string> = withEnvelopeTraceparent({}, ENVELOPE);
    headers['traceparent'] = SEND_SPAN; // what the instrumentation's injection does
    keepEnvelopeTraceparent(undefined, { message: { headers } });
    expect(headers).toEqual({ traceparent: ENVELOPE });
  });

  it("should leave no tracestate or baggage in any record, and the send span's traceparent where there is no envelope's", () => {
    const headers: Record<string, string> = {
      traceparent: SEND_SPAN,
      tracestate: 'vendor=Maria',
      baggage: 'name=Maria',
    };
    keepEnvelopeTraceparent(undefined, { message: { headers } });
    expect(headers).toEqual({ traceparent: SEND_SPAN });
  });
});

describe('withEnvelopeTraceparent', () => {
  it('should add no header when the envelope has no trace', () => {
    expect(withEnvelopeTraceparent({ 'enlace-redriven-from': 't/0@1' }, undefined)).toEqual({
      'enlace-redriven-from': 't/0@1',
    });
  });
});
