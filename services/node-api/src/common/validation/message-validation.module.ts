import { Global, Module } from '@nestjs/common';
import { MessageValidator } from '@enlace/contracts';

/**
 * One validator of the network's message contracts for the whole process: building it compiles every message
 * schema (seconds of CPU at start), so the protocols' writers share it rather than each building its own.
 */
@Global()
@Module({
  providers: [{ provide: MessageValidator, useFactory: () => new MessageValidator() }],
  exports: [MessageValidator],
})
export class MessageValidationModule {}
