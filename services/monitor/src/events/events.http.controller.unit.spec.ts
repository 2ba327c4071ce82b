import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { EventsHttpController } from './events.http.controller';
import { MonitorEventBus } from './monitor-event.bus';

/** Just what the controller uses of Express's response: headers, writes and the end. */
class RecordedResponse {
  readonly written: string[] = [];
  ended = false;
  status(): this {
    return this;
  }
  readonly headers = new Map<string, string>();
  flushed = false;
  setHeader(name: string, value: string): void {
    this.headers.set(name, value);
  }
  flushHeaders(): void {
    this.flushed = true;
  }
  write(chunk: string): boolean {
    this.written.push(chunk);
    return true;
  }
  end(): void {
    this.ended = true;
  }
}

describe(EventsHttpController, () => {
  const NOW = Date.parse('2026-12-05T10:00:00.000Z');
  let bus: MonitorEventBus;
  let request: EventEmitter;
  let response: RecordedResponse;

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    bus = new MonitorEventBus();
    request = new EventEmitter();
    response = new RecordedResponse();
  });

  afterEach(() => {
    request.emit('close');
    jest.useRealTimers();
  });

  function open(expiresAt?: number): void {
    new EventsHttpController(bus).stream(request as unknown as Request, response as unknown as Response, {
      username: 'secretariat',
      roles: ['secretariat'],
      ...(expiresAt !== undefined && { expiresAt }),
    });
  }

  describe('stream', () => {
    it('should end the stream when the token expires, after telling the client why', () => {
      open(NOW + 60_000);
      bus.publish({ kind: 'node' } as never);

      expect(response.flushed && response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      jest.advanceTimersByTime(59_999);
      expect(response.ended).toBe(false);

      jest.advanceTimersByTime(1);
      expect(response.ended).toBe(true);
      expect(response.written.at(-1)).toBe('event: session-expired\ndata: {}\n\n');

      // nothing is written after the end: no keep-alive, no event
      const count = response.written.length;
      bus.publish({ kind: 'node' } as never);
      jest.advanceTimersByTime(60_000);
      expect(response.written).toHaveLength(count);
    });

    it('should end at once for a token that expired while the request was on its way', () => {
      open(NOW - 1);

      jest.advanceTimersByTime(0);

      expect(response.ended).toBe(true);
    });

    it('should stop its timers when the client leaves first', () => {
      open(NOW + 60_000);
      request.emit('close');

      jest.advanceTimersByTime(120_000);

      expect(response.ended).toBe(false);
      expect(jest.getTimerCount()).toBe(0);
    });
  });
});
