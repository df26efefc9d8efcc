/**
 * The "notify me" emails as a delivery target of the outbox worker: it takes
 * notify.requested (the confirmation) and notify.available (the one notice)
 * and retries them like any delivery until the SMTP server accepts. What is
 * sent is read when it is sent: a sign-up confirmed, left or started over
 * meanwhile gets nothing it no longer asked for.
 */
import type { DeliveryTarget } from '../delivery/worker.js';
import type { Events } from '../rules/outbox.js';
import type { Db } from '../storage/db.js';
import { composeNotifyMail } from './notify-compose.js';
import { productName } from './line-notice.js';
import { signupLink } from './notify-links.js';
import type { MailTargetOptions } from './target.js';

/** Its own queue in outbox_deliveries, beside the delay emails' 'mail:'. */
export const NOTIFY_MAIL_TARGET = 'mail:notify';

/** The sign-up status each event is still meant for. */
const MEANT_FOR = { 'notify.requested': 'pending', 'notify.available': 'notified' } as const;

export function notifyMailTarget(db: Db, options: MailTargetOptions): DeliveryTarget {
  return {
    name: NOTIFY_MAIL_TARGET,
    types: Object.keys(MEANT_FOR),
    timeoutMs: options.timeoutMs,
    async deliver(event) {
      const type = event.type as keyof typeof MEANT_FOR;
      const data = JSON.parse(event.payload) as Events[typeof type];
      const row = await db
        .selectFrom('notify_signups')
        .innerJoin('products', 'products.sku', 'notify_signups.sku')
        .select(['notify_signups.id', 'email', 'locale', 'status', 'nonce', 'products.settings'])
        .where('notify_signups.id', '=', data.signupId)
        .executeTakeFirst();
      if (!row || row.status !== MEANT_FOR[type]) return null;
      const link = (purpose: 'confirm' | 'unsubscribe') =>
        signupLink(options.publicUrl, purpose, row, options.linkSecret);
      const message = composeNotifyMail(
        {
          kind: type === 'notify.requested' ? 'confirm' : 'available',
          to: row.email,
          locale: row.locale,
          product: productName(row.settings, data.sku),
          confirmUrl: type === 'notify.requested' ? link('confirm') : undefined,
          unsubscribeUrl: link('unsubscribe'),
        },
        options.labels,
      );
      await options.mailer.send(message);
      return null;
    },
  };
}
