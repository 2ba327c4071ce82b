import type { IncomingMessage } from 'node:http';
import type { Attributes } from '@opentelemetry/api';

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
