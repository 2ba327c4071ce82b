import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ReadinessChecks } from '@enlace/observability';
import { NodeDatabase } from '@enlace/store';
import { Kysely, sql } from 'kysely';
import { NODE_DATABASE } from '../database/database.tokens';

/**
 * What node-api needs, for /health/ready: its database. It holds no key of the node and talks to no broker (the
 * courier does both); run together with the courier, the same probe adds the courier's checks.
 */
@Injectable()
export class NodeApiReadiness implements OnModuleInit {
  constructor(
    private readonly checks: ReadinessChecks,
    @Inject(NODE_DATABASE) private readonly database: Kysely<NodeDatabase>,
  ) {}

  onModuleInit(): void {
    this.checks.add('node-api.database', async () => {
      await sql`select 1`.execute(this.database);
    });
  }
}
