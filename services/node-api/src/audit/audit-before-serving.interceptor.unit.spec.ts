import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditLogOverloadedError, type AuditEntry, type AuditLogStore } from '@enlace/audit';
import { firstValueFrom, of } from 'rxjs';
import { AuditBeforeServingInterceptor } from './audit-before-serving.interceptor';
import { AUDITED_WITH_CHANGE } from './audit-entry';
import { AuditRecordNotWrittenError } from './audit-record-not-written.error';
import { AuditedBeforeServing } from './audited-before-serving.decorator';

class PersonController {
  @AuditedBeforeServing()
  person(): string {
    return 'the person';
  }

  list(): string[] {
    return [];
  }
}

/** The log as the interceptor sees it: entries appended in order, or a refusal. */
class RecordingLog {
  readonly entries: AuditEntry[] = [];
  refuse = false;
  async append(entry: AuditEntry): Promise<unknown> {
    if (this.refuse) throw new AuditLogOverloadedError(10_000);
    this.entries.push(entry);
    return entry;
  }
}

describe(AuditBeforeServingInterceptor, () => {
  const request = () =>
    ({
      method: 'GET',
      baseUrl: '/api/v1',
      route: { path: '/returns/:id/person' },
      params: { id: 'c-1' },
      user: { username: 'ec.focal', country: 'EC', roles: ['focal-point'] },
    }) as Record<string | symbol, unknown>;

  function contextOf(handler: keyof PersonController, req: Record<string | symbol, unknown>): ExecutionContext {
    return {
      getType: () => 'http',
      getHandler: () => PersonController.prototype[handler],
      switchToHttp: () => ({ getRequest: () => req }),
    } as unknown as ExecutionContext;
  }

  const answering = (value: unknown): CallHandler => ({ handle: () => of(value) });

  let log: RecordingLog;
  let interceptor: AuditBeforeServingInterceptor;

  beforeEach(() => {
    log = new RecordingLog();
    interceptor = new AuditBeforeServingInterceptor(new Reflector(), log as unknown as AuditLogStore);
  });

  describe('intercept', () => {
    it('should record the read, as a read of a return, before the answer goes', async () => {
      const req = request();

      const answer = await firstValueFrom(interceptor.intercept(contextOf('person', req), answering({ name: 'x' })));

      expect(answer).toEqual({ name: 'x' });
      expect(log.entries).toMatchObject([
        { action: 'GET /api/v1/returns/:id/person', resource: { return: 'c-1' }, outcome: 200 },
      ]);
      expect(req[AUDITED_WITH_CHANGE]).toBe(true);
    });

    it('should serve nothing when the record cannot be written', async () => {
      log.refuse = true;
      const req = request();

      await expect(
        firstValueFrom(interceptor.intercept(contextOf('person', req), answering({ name: 'x' }))),
      ).rejects.toBeInstanceOf(AuditRecordNotWrittenError);
      expect(req[AUDITED_WITH_CHANGE]).toBeUndefined();
    });

    it('should leave a route without the mark to the middleware', async () => {
      await firstValueFrom(interceptor.intercept(contextOf('list', request()), answering([])));

      expect(log.entries).toEqual([]);
    });
  });
});
