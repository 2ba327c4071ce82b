import { Controller, Get, Inject } from '@nestjs/common';
import type { MonitorApiSchemas } from '@enlace/contracts';
import type { ListedMemberDirectory } from '@enlace/messaging';
import { MEMBER_DIRECTORY } from '../monitor.tokens';
import { toNodeHealthView } from './dto/node-health.view';
import { NodeHealthRepository } from './persistence/node-health.repository';

@Controller('nodes')
export class NodesHttpController {
  constructor(
    private readonly nodes: NodeHealthRepository,
    @Inject(MEMBER_DIRECTORY) private readonly directory: ListedMemberDirectory,
  ) {}

  /** Every member of the directory, and any other country heard from, with its health now. */
  @Get()
  async list(): Promise<MonitorApiSchemas['NodeHealthList']> {
    const now = new Date();
    const heartbeats = new Map((await this.nodes.list()).map((heartbeat) => [heartbeat._id, heartbeat]));
    const countries = new Set([...this.directory.members().map((member) => member.country), ...heartbeats.keys()]);
    return {
      checkedAt: now.toISOString(),
      items: [...countries].sort().map((country) => toNodeHealthView(country, heartbeats.get(country), now)),
    };
  }
}
