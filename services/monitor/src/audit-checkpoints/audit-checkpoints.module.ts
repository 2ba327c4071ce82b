import { Module } from '@nestjs/common';
import { AuditCheckpointsHttpController } from './audit-checkpoints.http.controller';

/** The nodes' audit checkpoints, signed by each node and kept as received: the anchors of their audit logs. */
@Module({ controllers: [AuditCheckpointsHttpController] })
export class AuditCheckpointsModule {}
