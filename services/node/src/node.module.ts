import { Module } from '@nestjs/common';
import { CourierModule } from '@enlace/courier';
import { NodeApiModule } from '@enlace/node-api';

/** A whole country node in one process: its API and its courier (development and the demo). */
@Module({ imports: [NodeApiModule, CourierModule] })
export class NodeModule {}
