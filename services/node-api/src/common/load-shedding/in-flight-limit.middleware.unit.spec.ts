import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { BUSY_RETRY_AFTER_SECONDS, inFlightLimit } from './in-flight-limit.middleware';

/** A response that records what was answered and can end, as express's does. */
function responseFake() {
  const emitter = new EventEmitter();
  const answered: { status?: number; headers: Record<string, string>; type?: string; body?: string } = { headers: {} };
  const response = Object.assign(emitter, {
    answered,
    status(code: number) {
      answered.status = code;
      return response;
    },
    setHeader(name: string, value: string) {
      answered.headers[name] = value;
      return response;
    },
    type(value: string) {
      answered.type = value;
      return response;
    },
    send(body: string) {
      answered.body = body;
      return response;
    },
  });
  return response;
}

const request = { originalUrl: '/api/v1/referrals?limit=5', resume: () => undefined } as unknown as Request;

describe('inFlightLimit', () => {
  describe('given two requests at work and a limit of two', () => {
    it('should answer a third with 503 problem+json and Retry-After, without passing it on', () => {
      const limit = inFlightLimit(2);
      const passed: number[] = [];
      const responses = [responseFake(), responseFake(), responseFake()];

      responses.forEach((response, n) => limit(request, response as unknown as Response, () => passed.push(n)));

      expect(passed).toEqual([0, 1]);
      const shed = responses[2]?.answered;
      expect(shed?.status).toBe(503);
      expect(shed?.headers['retry-after']).toBe(String(BUSY_RETRY_AFTER_SECONDS));
      expect(shed?.type).toBe('application/problem+json');
      expect(JSON.parse(shed?.body ?? '{}')).toMatchObject({
        type: 'urn:enlace:problem:service-unavailable',
        status: 503,
        instance: '/api/v1/referrals',
      });
    });

    it('should take a request again once one has ended, counting an ending told twice once', () => {
      const limit = inFlightLimit(2);
      const passed: number[] = [];
      const first = responseFake();
      limit(request, first as unknown as Response, () => passed.push(1));
      limit(request, responseFake() as unknown as Response, () => passed.push(2));
      first.emit('finish');
      first.emit('close');

      limit(request, responseFake() as unknown as Response, () => passed.push(3));
      const fourth = responseFake();
      limit(request, fourth as unknown as Response, () => passed.push(4));

      expect(passed).toEqual([1, 2, 3]);
      expect(fourth.answered.status).toBe(503);
    });
  });
});
