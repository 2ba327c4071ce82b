import { Global, Module } from '@nestjs/common';
import { MONITOR_CONFIG, readMonitorConfig } from './monitor.config';

@Global()
@Module({
  providers: [{ provide: MONITOR_CONFIG, useFactory: () => readMonitorConfig() }],
  exports: [MONITOR_CONFIG],
})
export class MonitorConfigModule {}
