import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** The record header that carries an envelope's trace context across borders: W3C Trace Context, nothing else. */
export const TRACEPARENT_HEADER = 'traceparent';

/** The tracer of Enlace's own spans (the envelope's path); the instrumentations have theirs. */
export const TRACER_NAME = 'enlace';

/**
 * Only `traceparent` (version, trace id, span id, flags: random ids), never `tracestate` or baggage: those may carry
 * whatever a caller put in them, and an envelope's headers are read by every broker operator of the network.
 */
const traceContext = new W3CTraceContextPropagator();

/** The W3C traceparent of a span, or undefined when it has no valid context (tracing off and no trace to carry on). */
export function traceparentOf(span: Span): string | undefined {
  const carrier: Record<string, string> = {};
  traceContext.inject(trace.setSpan(ROOT_CONTEXT, span), carrier, defaultTextMapSetter);
  return carrier[TRACEPARENT_HEADER];
}

/** The traceparent of the span at work (the HTTP request's, the applied message's), for a row that hands work on. */
export function activeTraceparent(): string | undefined {
  const span = trace.getSpan(context.active());
  return span ? traceparentOf(span) : undefined;
}

/** The context a traceparent continues (the root context, so a new trace, when it is absent or not well formed). */
export function contextOfTraceparent(traceparent: string | null | undefined): ReturnType<typeof context.active> {
  if (!traceparent) return ROOT_CONTEXT;
  return traceContext.extract(ROOT_CONTEXT, { [TRACEPARENT_HEADER]: traceparent }, defaultTextMapGetter);
}

/**
 * A span of one envelope's path (sent, received, applied) continuing the trace its traceparent names. Attributes are
 * routing facts only (envelope id and type, countries): never a payload, never anything about the person.
 */
export function startEnvelopeSpan(
  name: string,
  traceparent: string | null | undefined,
  options: { kind?: SpanKind; attributes?: Attributes } = {},
): Span {
  return trace
    .getTracer(TRACER_NAME)
    .startSpan(
      name,
      { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
      contextOfTraceparent(traceparent),
    );
}

/** Runs `work` inside an envelope span (active for what it calls: its statements, the rows it writes), then ends it. */
export async function withinEnvelopeSpan<T>(
  name: string,
  traceparent: string | null | undefined,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  const span = startEnvelopeSpan(name, traceparent, { attributes });
  try {
    return await context.with(trace.setSpan(context.active(), span), work);
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** Marks a span failed with the error's name only: a message may quote what it failed on. */
export function failSpan(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
}
