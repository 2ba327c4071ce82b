import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CaseRights } from '@enlace/auth';
import type { NodeApiSchemas } from '@enlace/contracts';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { RequireRoles } from '../auth/roles.decorator';
import { ContractBodyPipe } from '../common/validation/contract-body.pipe';
import { ContractParameterPipe } from '../common/validation/contract-parameter.pipe';
import { NotificationSubscriptionsService } from './application/notification-subscriptions.service';
import type { NotificationSubscription } from './infrastructure/notification.store';

type SubscriptionRequest = NodeApiSchemas['NotificationSubscriptionRequest'];
type SubscriptionView = NodeApiSchemas['NotificationSubscription'];
type SubscriptionCreated = NodeApiSchemas['NotificationSubscriptionCreated'];

const subscriptionId = new ContractParameterPipe('#/components/parameters/CaseId/schema', 'id');

function toView(subscription: NotificationSubscription): SubscriptionView {
  return {
    id: subscription.id,
    channel: subscription.channel,
    address: subscription.address,
    events: [...subscription.events],
    createdAt: subscription.createdAt.toISOString(),
  };
}

/** A user's notification subscriptions: each user sees and changes only their own. */
@Controller('notifications/subscriptions')
export class NotificationsHttpController {
  constructor(private readonly subscriptions: NotificationSubscriptionsService) {}

  @Get()
  @RequireRoles(...CaseRights.read)
  async list(@CurrentUser() user: AuthenticatedUser): Promise<{ items: SubscriptionView[] }> {
    return { items: (await this.subscriptions.list(user.username)).map(toView) };
  }

  @Post()
  @RequireRoles(...CaseRights.read)
  async create(
    @Body(new ContractBodyPipe('NotificationSubscriptionRequest')) body: SubscriptionRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubscriptionCreated> {
    const subscription = await this.subscriptions.subscribe(user.username, body);
    response.status(201);
    return { ...toView(subscription), ...(subscription.secret !== null && { secret: subscription.secret }) };
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRoles(...CaseRights.read)
  async remove(@Param('id', subscriptionId) id: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.subscriptions.unsubscribe(user.username, id);
  }
}
