/**
 * Email as a delivery target: the worker hands it each promise.changed (and
 * nothing else) and retries it like a webhook until the SMTP server accepts
 * the message. What the email says is read when it is sent: the customer's
 * address and locale, the product's title, the stated precision of the
 * promise the event announced (its history row), and the line's cancel link.
 */
import type { DeliveryTarget } from '../delivery/worker.js';
import type { Events } from '../rules/outbox.js';
import type { Db } from '../storage/db.js';
import type { MailLabels } from 'preorder-elements/text';
import type { DatePrecision } from 'preorder-elements/engine';
import { composeDelayNotice } from './compose.js';
import { cancelLink } from './links.js';
import { readLineNotice } from './line-notice.js';
import type { Mailer } from './mailer.js';

/** The target's name in outbox_deliveries: one queue whatever the SMTP server is. */
export const MAIL_TARGET = 'mail:';

export interface MailTargetOptions {
  mailer: Mailer;
  /** Origin of the links (no trailing slash needed). */
  publicUrl: string;
  linkSecret: string;
  labels?: MailLabels | undefined;
  /** One attempt's bound, ms (the lease of a row being sent). */
  timeoutMs: number;
}

/** Everything the email needs of a line, or undefined when it no longer exists. */
async function lineFacts(db: Db, orderId: string, line: number, occurredAt: string) {
  const row = await readLineNotice(db, orderId, line);
  if (!row) return undefined;
  // The precision the event's promise was stated at, recorded with it.
  const told = await db
    .selectFrom('promise_history')
    .select('precision')
    .where('order_id', '=', orderId)
    .where('line', '=', line)
    .where('at', '=', occurredAt)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return { ...row, precision: (told?.precision ?? row.promise_precision) as DatePrecision };
}

export function mailTarget(db: Db, options: MailTargetOptions): DeliveryTarget {
  return {
    name: MAIL_TARGET,
    types: ['promise.changed'],
    timeoutMs: options.timeoutMs,
    async deliver(event) {
      const data = JSON.parse(event.payload) as Events['promise.changed'];
      const facts = await lineFacts(db, data.orderId, data.line, event.occurredAt);
      // No address, or the line cancelled meanwhile: nobody to tell, nothing to retry.
      if (!facts?.customer_email || facts.status === 'cancelled') return null;
      const ref = { orderId: data.orderId, line: data.line, seq: facts.seq };
      const message = await composeDelayNotice(
        {
          to: facts.customer_email,
          locale: facts.customer_locale,
          product: facts.product,
          orderId: data.orderId,
          previous: data.previous?.date ?? null,
          current: data.current?.date ?? null,
          precision: facts.precision,
          cancelUrl: cancelLink(options.publicUrl, ref, options.linkSecret),
        },
        options.labels,
      );
      await options.mailer.send(message);
      return null;
    },
  };
}
