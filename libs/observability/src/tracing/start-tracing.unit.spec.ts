import { tracingRequested } from './start-tracing';

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

describe('startTracing', () => {
  // The SDK module stands in for itself here: what is asserted is whether it is loaded at all.
  const loadedWith = (env: NodeJS.ProcessEnv): unknown[][] => {
    const started: unknown[][] = [];
    jest.isolateModules(() => {
      jest.doMock('./tracing-sdk', () => ({
        startTracingSdk: (...args: unknown[]) => {
          started.push(args);
          return 'sdk';
        },
      }));
      const { startTracing } = require('./start-tracing') as typeof import('./start-tracing');
      startTracing('enlace-test', env);
    });
    return started;
  };

  it('should not load the SDK when tracing is off (it weighs about 45 MB of resident memory)', () => {
    expect(loadedWith({})).toEqual([]);
  });

  it('should start the SDK with the service name when an exporter is named', () => {
    expect(loadedWith({ OTEL_TRACES_EXPORTER: 'otlp' })).toEqual([
      ['enlace-test', { OTEL_TRACES_EXPORTER: 'otlp' }, {}],
    ]);
  });
});
