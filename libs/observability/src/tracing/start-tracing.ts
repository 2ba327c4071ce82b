import type { NodeSDK, NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import type * as TracingSdk from './tracing-sdk';

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
 * Starts OpenTelemetry tracing for a service, before Nest and the modules it instruments are loaded (the first import
 * of the service's main). The exporter and its endpoint come from the standard OTEL_* settings (OTEL_TRACES_EXPORTER,
 * OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME, ...). Context crosses processes as W3C traceparent only (no
 * baggage). Returns the SDK, or undefined when tracing is off (the default): the SDK is then not even loaded.
 */
export function startTracing(
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<NodeSDKConfiguration> = {},
): NodeSDK | undefined {
  if (!tracingRequested(env) && overrides.spanProcessors === undefined) return undefined;
  // Loaded here, synchronously, so that the instrumentations patch http, express, pg and kafkajs before they load.
  const sdk = require('./tracing-sdk') as typeof TracingSdk;
  return sdk.startTracingSdk(serviceName, env, overrides);
}
