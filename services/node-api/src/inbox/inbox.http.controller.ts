import { ConflictException, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { rolesWith } from '@enlace/auth';
import { RequireRoles } from '../auth/roles.decorator';
import { ContractParameterPipe } from '../common/validation/contract-parameter.pipe';
import { InboxEntryListView, toInboxEntryListView } from './dto/inbox-entry.view';
import { InboxEntriesService } from './inbox-entries.service';

const envelopeId = new ContractParameterPipe('#/components/parameters/InboxEntryId/schema', 'id');
const limit = new ContractParameterPipe('#/components/parameters/InboxPageLimit/schema', 'limit', Number);
const after = new ContractParameterPipe('#/components/parameters/InboxPageAfter/schema', 'after');
const DEFAULT_LIMIT = 100;
const MANAGERS = rolesWith('inbox.manage');

/**
 * The messages this node received, sent a delivery receipt for, and has not applied: set aside (a supervisor applies
 * them again once the cause is fixed) or waiting for the message they follow.
 */
@Controller('inbox')
export class InboxHttpController {
  constructor(private readonly entries: InboxEntriesService) {}

  @Get('set-aside')
  @RequireRoles(...MANAGERS)
  async setAside(
    @Query('limit', limit) pageSize?: number,
    @Query('after', after) cursor?: string,
  ): Promise<InboxEntryListView> {
    return toInboxEntryListView(await this.entries.setAside(pageSize ?? DEFAULT_LIMIT, cursor));
  }

  @Get('waiting')
  @RequireRoles(...MANAGERS)
  async waiting(
    @Query('limit', limit) pageSize?: number,
    @Query('after', after) cursor?: string,
  ): Promise<InboxEntryListView> {
    return toInboxEntryListView(await this.entries.waiting(pageSize ?? DEFAULT_LIMIT, cursor));
  }

  @Post('set-aside/reapply')
  @HttpCode(202)
  @RequireRoles(...MANAGERS)
  async reapplyAll(): Promise<{ reapplied: string[] }> {
    return { reapplied: await this.entries.reapplyAll() };
  }

  @Post(':id/reapply')
  @HttpCode(202)
  @RequireRoles(...MANAGERS)
  async reapply(@Param('id', envelopeId) id: string): Promise<{ reapplied: string[] }> {
    const outcome = await this.entries.reapply(id);
    if (outcome === 'not-found') throw new NotFoundException('No inbox entry with this id on this node.');
    if (outcome === 'not-set-aside') throw new ConflictException('The inbox entry is not set aside.');
    return { reapplied: [id] };
  }
}
