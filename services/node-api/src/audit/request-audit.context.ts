import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import type { AuditedRequest } from './audit-entry';

/** The API request a handler serves, with the status it answers when it succeeds and when it began. */
export interface RequestInFlight {
  readonly request: AuditedRequest;
  readonly success: number;
  readonly at: string;
}

/** The request whose handler is running, for the work it calls (none for a message applied or an expiry). */
@Injectable()
export class RequestAuditContext {
  private readonly storage = new AsyncLocalStorage<RequestInFlight>();

  run<T>(request: RequestInFlight, work: () => T): T {
    return this.storage.run(request, work);
  }

  current(): RequestInFlight | undefined {
    return this.storage.getStore();
  }
}
