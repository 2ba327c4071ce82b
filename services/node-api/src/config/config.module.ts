import { Global, Module } from '@nestjs/common';
import { NODE_API_CONFIG, readNodeApiConfig } from './node-api.config';

@Global()
@Module({
  providers: [{ provide: NODE_API_CONFIG, useFactory: () => readNodeApiConfig() }],
  exports: [NODE_API_CONFIG],
})
export class NodeApiConfigModule {}
