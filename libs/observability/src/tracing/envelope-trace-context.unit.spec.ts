import { SpanStatusCode } from '@opentelemetry/api';
import { tracing, type NodeSDK } from '@opentelemetry/sdk-node';
import { activeTraceparent, startEnvelopeSpan, traceparentOf, withinEnvelopeSpan } from './envelope-trace-context';
import { startTracing } from './start-tracing';

const SENDER = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('envelope trace context', () => {
  const exporter = new tracing.InMemorySpanExporter();
  let sdk: NodeSDK | undefined;

  beforeAll(() => {
    // Enlace's own spans only: Jest's module loader passes by the instrumentations' hooks (the e2e test covers them
    // in real processes), and a patched core module would outlive this file. No resource detection: a span is
    // exported when it ends.
    sdk = startTracing(
      'test',
      {},
      { spanProcessors: [new tracing.SimpleSpanProcessor(exporter)], resourceDetectors: [], instrumentations: [] },
    );
  });
  afterAll(async () => {
    await sdk?.shutdown();
  });
  beforeEach(() => exporter.reset());

  describe('startEnvelopeSpan', () => {
    it("should continue the trace of the sender's traceparent, as a child of its span", () => {
      const span = startEnvelopeSpan('envelope receive', SENDER);
      span.end();
      const [finished] = exporter.getFinishedSpans();
      expect(finished?.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
      expect(finished?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    });

    it('should start a trace of its own when the traceparent is absent or not well formed', () => {
      for (const given of [
        undefined,
        null,
        '',
        'not-a-traceparent',
        '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
      ]) {
        const span = startEnvelopeSpan('envelope receive', given);
        span.end();
        expect(span.spanContext().traceId).not.toBe('4bf92f3577b34da6a3ce929d0e0e4736');
      }
      expect(exporter.getFinishedSpans().every((span) => span.parentSpanContext === undefined)).toBe(true);
    });
  });

  describe('traceparentOf', () => {
    it('should give the W3C traceparent of the span, and nothing else', () => {
      const span = startEnvelopeSpan('envelope send', SENDER);
      expect(traceparentOf(span)).toBe(`00-4bf92f3577b34da6a3ce929d0e0e4736-${span.spanContext().spanId}-01`);
      span.end();
    });
  });

  describe('withinEnvelopeSpan', () => {
    it('should make its span the active one for the work, then end it', async () => {
      const seen = await withinEnvelopeSpan('envelope apply', SENDER, { 'enlace.envelope.type': 'x.v1' }, async () =>
        activeTraceparent(),
      );
      const [finished] = exporter.getFinishedSpans();
      expect(seen).toBe(`00-4bf92f3577b34da6a3ce929d0e0e4736-${finished?.spanContext().spanId}-01`);
      expect(finished?.attributes).toEqual({ 'enlace.envelope.type': 'x.v1' });
    });

    it("should mark its span failed with the error's name only, and throw the error on", async () => {
      const error = new RangeError('Maria Rojas is not a valid name');
      await expect(withinEnvelopeSpan('envelope apply', SENDER, {}, () => Promise.reject(error))).rejects.toBe(error);
      const [finished] = exporter.getFinishedSpans();
      expect(finished?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'RangeError' });
      expect(JSON.stringify(finished?.events ?? [])).not.toContain('Maria');
    });
  });
});
