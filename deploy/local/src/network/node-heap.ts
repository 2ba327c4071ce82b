/**
 * The V8 heap ceiling every Enlace process starts with, in MB. Left to itself, V8 sizes the old space from the
 * machine's memory (gigabytes here) and lets garbage pile up to well over 200 MB resident under load before it
 * collects; a ceiling makes it collect sooner. 256 MB of old space keeps node-api and the courier under 200 MB
 * resident under the bench's load (README, Performance) and leaves room for a large batch. The image sets the same
 * value through NODE_OPTIONS (deploy/docker/Dockerfile).
 */
export const NODE_HEAP_LIMIT_MB = 256;

/** The node option that sets the ceiling. */
export const NODE_HEAP_LIMIT_ARG = `--max-old-space-size=${NODE_HEAP_LIMIT_MB}`;
