import type { IncomingMessage } from 'node:http';
import type { Attributes } from '@opentelemetry/api';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK, core, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { keepEnvelopeTraceparent } from './envelope-trace-header';

/**
 * Whether the process traces: only when OTEL_TRACES_EXPORTER names an exporter (off by default: the SDK's own
 * default would send to an OTLP collector that a node may not have), and OTEL_SDK_DISABLED does not turn it off.
 */
export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  const exporters = (env['OTEL_TRACES_EXPORTER'] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '' && name !== 'none');
  return exporters.length > 0 && env['OTEL_SDK_DISABLED']?.trim().toLowerCase() !== 'true';
}

/**
 * The query of a request URL with every value replaced: a search may be by a person's name, and a span is read by
 * whoever runs the collector.
 */
export function redactedQueryAttributes(request: IncomingMessage): Attributes {
  const url = request.url ?? '';
  const at = url.indexOf('?');
  if (at < 0) return {};
  const names = [...new URLSearchParams(url.slice(at + 1)).keys()];
  return { 'url.query': names.map((name) => `${encodeURIComponent(name)}=REDACTED`).join('&') };
}

/**
 * The instrumentations of a node's processes: incoming and outgoing HTTP (queries redacted), Express routes,
 * PostgreSQL statements (their text with placeholders, never the values bound to them), and kafkajs, whose producer
 * hook leaves each envelope's own trace context in its record headers.
 */
export function enlaceInstrumentations(): NonNullable<NodeSDKConfiguration['instrumentations']> {
  return [
    new HttpInstrumentation({
      startIncomingSpanHook: (request) => redactedQueryAttributes(request as IncomingMessage),
    }),
    new ExpressInstrumentation(),
    new PgInstrumentation({ enhancedDatabaseReporting: false }),
    new KafkaJsInstrumentation({ producerHook: keepEnvelopeTraceparent }),
  ];
}

/**
 * Starts OpenTelemetry tracing for a service, before Nest and the modules it instruments are loaded (the first import
 * of the service's main). The exporter and its endpoint come from the standard OTEL_* settings (OTEL_TRACES_EXPORTER,
 * OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME, ...). Context crosses processes as W3C traceparent only (no
 * baggage). Returns the SDK, or undefined when tracing is off (the default).
 */
export function startTracing(
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<NodeSDKConfiguration> = {},
): NodeSDK | undefined {
  if (!tracingRequested(env) && overrides.spanProcessors === undefined) return undefined;
  const sdk = new NodeSDK({
    ...(env['OTEL_SERVICE_NAME'] ? {} : { serviceName }),
    textMapPropagator: new core.W3CTraceContextPropagator(),
    instrumentations: enlaceInstrumentations(),
    // traces only: the metrics are Prometheus' at /metrics and the logs pino's (the SDK would export both by default)
    metricReaders: [],
    logRecordProcessors: [],
    ...overrides,
  });
  sdk.start();
  // the last spans are flushed when the process ends of itself (a signal's listener would change how it stops)
  process.once('beforeExit', () => void sdk.shutdown().catch(() => undefined));
  return sdk;
}
