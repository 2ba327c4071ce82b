import { randomUUID } from 'node:crypto';
import type { NodeDatabase } from '@enlace/store';
import { Kysely, sql } from 'kysely';
import type { NotificationEvent } from '../domain/notification-event';
import type { NotificationMessage } from '../domain/notification-message';

export type NotificationChannel = 'email' | 'webhook';

export interface NotificationSubscription {
  readonly id: string;
  readonly username: string;
  readonly channel: NotificationChannel;
  readonly address: string;
  readonly secret: string | null;
  readonly events: readonly NotificationEvent[];
  readonly createdAt: Date;
}

/** An applied message of the inbox, with its case's protocol and status, for the scanner. */
export interface AppliedMessage {
  readonly seq: string;
  readonly envelopeId: string;
  readonly type: string;
  readonly fromCountry: string;
  readonly caseId: string;
  readonly protocol: string;
  /** Not applied yet (nor rejected): the scanner stops before it, so that it reads messages in order. */
  readonly waiting: boolean;
}

/** A step this node must take, with when it is due. */
export interface DueStep {
  readonly caseId: string;
  readonly protocol: string;
  readonly status: string;
  readonly due: Date;
}

export interface NewNotification {
  readonly subscriptionId: string;
  readonly dedupeKey: string;
  readonly message: NotificationMessage;
}

/** A notification taken for one delivery attempt, with where it goes. */
export interface ClaimedNotification {
  readonly id: string;
  readonly attempts: number;
  readonly message: NotificationMessage;
  readonly channel: NotificationChannel;
  readonly address: string;
  readonly secret: string | null;
}

const INBOX_CURSOR = 'inbox';

/** The node's notification tables (migration 0007): subscriptions, the notifications and the scanner's cursor. */
export class NotificationStore {
  constructor(private readonly db: Kysely<NodeDatabase>) {}

  async subscribe(
    subscription: Omit<NotificationSubscription, 'id' | 'createdAt'>,
    now = new Date(),
  ): Promise<NotificationSubscription> {
    const row = { id: randomUUID(), ...subscription, events: [...subscription.events], created_at: now };
    await this.db
      .insertInto('notification_subscriptions')
      .values({
        id: row.id,
        username: row.username,
        channel: row.channel,
        address: row.address,
        secret: row.secret,
        events: row.events,
        created_at: now,
      })
      .execute();
    return { ...subscription, id: row.id, createdAt: now };
  }

  async subscriptionsOf(username: string): Promise<NotificationSubscription[]> {
    const rows = await this.db
      .selectFrom('notification_subscriptions')
      .selectAll()
      .where('username', '=', username)
      .orderBy('created_at')
      .execute();
    return rows.map(toSubscription);
  }

  async allSubscriptions(): Promise<NotificationSubscription[]> {
    const rows = await this.db.selectFrom('notification_subscriptions').selectAll().execute();
    return rows.map(toSubscription);
  }

  /** Removes one of the user's subscriptions (and what it still had to send); false when it is not theirs. */
  async unsubscribe(username: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('notification_subscriptions')
      .where('id', '=', id)
      .where('username', '=', username)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async inboxCursor(): Promise<string> {
    const row = await this.db
      .selectFrom('notification_cursor')
      .select('last_seq')
      .where('name', '=', INBOX_CURSOR)
      .executeTakeFirst();
    return row?.last_seq ?? '0';
  }

  /** The inbox after `afterSeq`, in order, with each message's case; a message without its case yet is waiting. */
  async inboxAfter(afterSeq: string, limit: number): Promise<AppliedMessage[]> {
    const rows = await this.db
      .selectFrom('inbox')
      .leftJoin('cases', 'cases.id', 'inbox.case_id')
      .select([
        'inbox.seq',
        'inbox.envelope_id',
        'inbox.type',
        'inbox.from_country',
        'inbox.case_id',
        'inbox.applied_at',
        'inbox.rejection_code',
        'cases.protocol',
      ])
      .where('inbox.seq', '>', afterSeq)
      .orderBy('inbox.seq')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      seq: String(row.seq),
      envelopeId: row.envelope_id,
      type: row.type,
      fromCountry: row.from_country,
      caseId: row.case_id,
      protocol: row.protocol ?? '',
      waiting: row.applied_at === null && row.rejection_code === null,
    }));
  }

  /** Steps waiting on this node (its side) that are due by `until`, found by the cases' due index. */
  async stepsDueBy(until: Date, limit: number): Promise<DueStep[]> {
    const rows = await this.db
      .selectFrom('cases')
      .select(['id', 'protocol', 'status', 'due'])
      .where('due', 'is not', null)
      .where('due', '<=', until)
      .where('pending_on', '=', sql<string>`state->>'side'`)
      .orderBy('due')
      .limit(limit)
      .execute();
    return rows.flatMap((row) =>
      row.due ? [{ caseId: row.id, protocol: row.protocol, status: row.status, due: new Date(row.due) }] : [],
    );
  }

  /** Adds notifications (one already made for the same key is left alone) and moves the inbox cursor, in one go. */
  async record(
    notifications: readonly NewNotification[],
    inboxSeq: string | undefined,
    now = new Date(),
  ): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      let added = 0;
      if (notifications.length > 0) {
        const result = await trx
          .insertInto('notifications')
          .values(
            notifications.map((notification) => ({
              id: randomUUID(),
              subscription_id: notification.subscriptionId,
              dedupe_key: notification.dedupeKey,
              message: JSON.stringify(notification.message),
              next_attempt_at: now,
              created_at: now,
            })),
          )
          .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
          .executeTakeFirst();
        added = Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      if (inboxSeq !== undefined) {
        await trx
          .insertInto('notification_cursor')
          .values({ name: INBOX_CURSOR, last_seq: inboxSeq })
          .onConflict((conflict) => conflict.column('name').doUpdateSet({ last_seq: inboxSeq }))
          .execute();
      }
      return added;
    });
  }

  /**
   * Takes up to `limit` notifications due for an attempt, for `leaseMs`: another sender (or this one after a crash)
   * takes them again only once the lease has run out, so each is sent at least once and normally once.
   */
  async claim(limit: number, leaseMs: number, now = new Date()): Promise<ClaimedNotification[]> {
    const leasedUntil = new Date(now.getTime() + leaseMs);
    const rows = await this.db
      .with('due', (db) =>
        db
          .selectFrom('notifications')
          .select('id')
          .where('delivered_at', 'is', null)
          .where('given_up_at', 'is', null)
          .where('next_attempt_at', '<=', now)
          .orderBy('next_attempt_at')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .updateTable('notifications')
      .set({ next_attempt_at: leasedUntil })
      .from(['due', 'notification_subscriptions'])
      .whereRef('notifications.id', '=', 'due.id')
      .whereRef('notification_subscriptions.id', '=', 'notifications.subscription_id')
      .returning([
        'notifications.id',
        'notifications.attempts',
        'notifications.message',
        'notification_subscriptions.channel',
        'notification_subscriptions.address',
        'notification_subscriptions.secret',
      ])
      .execute();
    return rows.map((row) => ({
      id: row.id,
      attempts: row.attempts,
      message: row.message as unknown as NotificationMessage,
      channel: row.channel as NotificationChannel,
      address: row.address,
      secret: row.secret,
    }));
  }

  async delivered(id: string, now = new Date()): Promise<void> {
    await this.db
      .updateTable('notifications')
      .set({ delivered_at: now, last_error: null })
      .where('id', '=', id)
      .execute();
  }

  /** A failed attempt: tried again at `retryAt`, or given up when there is none. The error names no person. */
  async failed(id: string, error: string, retryAt: Date | undefined, now = new Date()): Promise<void> {
    await this.db
      .updateTable('notifications')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        last_error: error.slice(0, 500),
        ...(retryAt ? { next_attempt_at: retryAt } : { given_up_at: now }),
      }))
      .where('id', '=', id)
      .execute();
  }
}

function toSubscription(row: {
  id: string;
  username: string;
  channel: string;
  address: string;
  secret: string | null;
  events: string[];
  created_at: Date;
}): NotificationSubscription {
  return {
    id: row.id,
    username: row.username,
    channel: row.channel as NotificationChannel,
    address: row.address,
    secret: row.secret,
    events: row.events as NotificationEvent[],
    createdAt: new Date(row.created_at),
  };
}
