import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthenticatedMonitorUser } from '../auth/authenticated-monitor-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { MonitorEventBus } from './monitor-event.bus';

const KEEP_ALIVE_MS = 15_000;

/** The live stream of the dashboard, as server-sent events: `event: <kind>` and the event as JSON data. */
@Controller('events')
export class EventsHttpController {
  constructor(private readonly bus: MonitorEventBus) {}

  @Get()
  stream(
    @Req() request: Request,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedMonitorUser | undefined,
  ): void {
    response.status(200);
    response.setHeader('content-type', 'text/event-stream; charset=utf-8');
    response.setHeader('cache-control', 'no-cache, no-transform');
    response.setHeader('connection', 'keep-alive');
    response.setHeader('x-accel-buffering', 'no');
    response.flushHeaders();
    response.write(': connected\n\n');
    const subscription = this.bus.events.subscribe((event) => {
      response.write(`event: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    // The token was checked once, when the stream opened: it must not outlive the token. The client is told why
    // the stream ends, and its next request needs a valid token again.
    let expiry: NodeJS.Timeout | undefined;
    const stop = (): void => {
      clearInterval(keepAlive);
      clearTimeout(expiry);
      subscription.unsubscribe();
    };
    if (user?.expiresAt !== undefined) {
      expiry = setTimeout(
        () => {
          stop();
          response.write('event: session-expired\ndata: {}\n\n');
          response.end();
        },
        Math.max(0, user.expiresAt - Date.now()),
      );
    }
    request.on('close', stop);
  }
}
