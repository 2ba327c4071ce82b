import { Module } from '@nestjs/common';
import type { NodeDatabase } from '@enlace/store';
import type { Kysely } from 'kysely';
import { NODE_DATABASE } from '../database/database.tokens';
import { NotificationScannerService } from './application/notification-scanner.service';
import { NotificationSenderService } from './application/notification-sender.service';
import { NotificationSubscriptionsService } from './application/notification-subscriptions.service';
import { NotificationStore } from './infrastructure/notification.store';
import { readNotificationConfig } from './notification.config';
import { NotificationsHttpController } from './notifications.http.controller';
import { NOTIFICATION_CONFIG, NOTIFICATION_STORE } from './notifications.tokens';

/** Telling a node's users what arrived or falls due, by e-mail or signed webhook, as each asked. */
@Module({
  controllers: [NotificationsHttpController],
  providers: [
    { provide: NOTIFICATION_CONFIG, useFactory: () => readNotificationConfig() },
    {
      provide: NOTIFICATION_STORE,
      inject: [NODE_DATABASE],
      useFactory: (db: Kysely<NodeDatabase>) => new NotificationStore(db),
    },
    NotificationSubscriptionsService,
    NotificationScannerService,
    NotificationSenderService,
  ],
})
export class NotificationsModule {}
