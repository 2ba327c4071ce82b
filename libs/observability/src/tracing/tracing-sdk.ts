import type { IncomingMessage } from 'node:http';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { keepEnvelopeTraceparent } from './envelope-trace-header';
import { redactedQueryAttributes } from './redacted-query';

/**
 * The OpenTelemetry SDK and the instrumentations of a node's processes. This module is loaded only when tracing is
 * on (startTracing): the SDK with its exporters weighs about 45 MB of a process's resident memory, which a node that
 * does not trace should not carry.
 */

/**
 * The instrumentations: incoming and outgoing HTTP (queries redacted), Express routes, PostgreSQL statements (their
 * text with placeholders, never the values bound to them), and kafkajs, whose producer hook leaves each envelope's
 * own trace context in its record headers.
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

/** Starts the SDK (W3C traceparent only, traces only) and flushes its last spans when the process ends of itself. */
export function startTracingSdk(
  serviceName: string,
  env: NodeJS.ProcessEnv,
  overrides: Partial<NodeSDKConfiguration>,
): NodeSDK {
  const sdk = new NodeSDK({
    ...(env['OTEL_SERVICE_NAME'] ? {} : { serviceName }),
    textMapPropagator: new W3CTraceContextPropagator(),
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
