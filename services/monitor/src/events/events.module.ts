import { Global, Module } from '@nestjs/common';
import { EventsHttpController } from './events.http.controller';
import { MonitorEventBus } from './monitor-event.bus';

@Global()
@Module({
  controllers: [EventsHttpController],
  providers: [MonitorEventBus],
  exports: [MonitorEventBus],
})
export class EventsModule {}
