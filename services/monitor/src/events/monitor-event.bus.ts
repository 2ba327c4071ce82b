import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { MonitorApiSchemas } from '@enlace/contracts';
import { Observable, Subject } from 'rxjs';

export type MonitorEvent = MonitorApiSchemas['MonitorEvent'];

/** What the monitor sees, as it sees it, for the dashboard's live stream. Nobody listening costs nothing. */
@Injectable()
export class MonitorEventBus implements OnModuleDestroy {
  private readonly subject = new Subject<MonitorEvent>();

  publish(event: Omit<MonitorEvent, 'at'>): void {
    if (this.subject.observed) this.subject.next({ ...event, at: new Date().toISOString() } as MonitorEvent);
  }

  get events(): Observable<MonitorEvent> {
    return this.subject.asObservable();
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
