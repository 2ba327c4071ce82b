import { Module } from '@nestjs/common';
import { NodesHttpController } from './nodes.http.controller';

/** Node health from the couriers' heartbeats. */
@Module({ controllers: [NodesHttpController] })
export class NodesModule {}
