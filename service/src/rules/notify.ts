/**
 * "Notify me": the sign-up list. A sign-up is pending until its emailed link
 * is confirmed (double opt-in); when a change leaves the SKU orderable, each
 * confirmed address is marked notified and one `notify.available` event is
 * queued for it, in the change's transaction, so it is told once. Emails go
 * out through the outbox's delivery (the notify mail target), retried there.
 */
import { randomBytes } from 'node:crypto';
import { type AvailabilityRecord, decide } from 'preorder-elements/engine';
import type { Db, Storage } from '../storage/db.js';
import { lockProducts, openLots } from '../storage/queries.js';
import type { NotifySignupTable } from '../storage/schema.js';
import { type EventRow, type Events, emitAll } from './outbox.js';
import { hit } from './rate-window.js';
import { servedRecord } from './record.js';
import type { Clock } from './types.js';

export interface NotifyLimits {
  /** Sign-ups per address (any SKU) per window. */
  perAddress: number;
  /** Sign-ups per client IP per window. */
  perIp: number;
  windowMs: number;
}

export const NOTIFY_LIMITS: NotifyLimits = { perAddress: 3, perIp: 30, windowMs: 3_600_000 };

export interface SignUpInput {
  sku: string;
  email: string;
  locale: string;
  ip: string;
}

export type SignUpResult =
  | { kind: 'accepted' }
  | { kind: 'limited'; per: 'address' | 'ip'; retryAfter: number }
  | { kind: 'unknown_sku' };

export type Signup = Pick<NotifySignupTable, 'sku' | 'email' | 'locale' | 'status' | 'nonce'> & {
  id: number;
};

/** Whether the engine would take an order of one for this record now (in stock, pre-order, backorder, cap not reached). */
export function isOrderable(record: AvailabilityRecord, clock: Clock): boolean {
  return decide(record, { now: clock.now(), timeZone: clock.timeZone }).orderKind !== null;
}

/**
 * A notify event's outbox row. No SKU or order in its columns: each email is
 * its own ordering key, so one address the mail server keeps refusing never
 * holds back another's (the SKU is in the data).
 */
function notifyRow<T extends 'notify.requested' | 'notify.available'>(
  type: T,
  data: Events[T],
  at: string,
): EventRow {
  return [type, null, null, JSON.stringify(data), at];
}

export async function signUp(
  storage: Storage,
  input: SignUpInput,
  clock: Clock,
  limits: NotifyLimits = NOTIFY_LIMITS,
): Promise<SignUpResult> {
  const emailKey = input.email.trim().toLowerCase();
  return storage.transaction(async (trx) => {
    const now = clock.now();
    const window = (limit: number) => ({ limit, windowMs: limits.windowMs });
    // Every request counts, refused ones too: the window is what a sender may try.
    const over = await hit(
      trx,
      [
        { key: `email:${emailKey}`, window: window(limits.perAddress) },
        { key: `ip:${input.ip}`, window: window(limits.perIp) },
      ],
      now,
    );
    if (over)
      return {
        kind: 'limited',
        per: over.key.startsWith('ip:') ? 'ip' : 'address',
        retryAfter: over.retryAfter,
      };
    const product = await trx
      .selectFrom('products')
      .select('sku')
      .where('sku', '=', input.sku)
      .executeTakeFirst();
    if (!product) return { kind: 'unknown_sku' };
    const at = new Date(now).toISOString();
    // A new sign-up of an address already told or unsubscribed starts over (a new nonce voids its old links);
    // a pending one is sent its link again; a confirmed one stays as it is.
    const row = await trx
      .insertInto('notify_signups')
      .values({
        sku: input.sku,
        email: input.email.trim(),
        email_key: emailKey,
        locale: input.locale,
        status: 'pending',
        nonce: randomBytes(12).toString('base64url'),
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.columns(['sku', 'email_key']).doUpdateSet({
          email: (eb) => eb.ref('excluded.email'),
          locale: (eb) => eb.ref('excluded.locale'),
          updated_at: (eb) => eb.ref('excluded.updated_at'),
          status: (eb) =>
            eb
              .case()
              .when('notify_signups.status', '=', 'confirmed')
              .then('confirmed' as const)
              .else('pending' as const)
              .end(),
          nonce: (eb) =>
            eb
              .case()
              .when('notify_signups.status', 'in', ['notified', 'unsubscribed'])
              .then(eb.ref('excluded.nonce'))
              .else(eb.ref('notify_signups.nonce'))
              .end(),
        }),
      )
      .returning(['id', 'status'])
      .executeTakeFirstOrThrow();
    if (row.status === 'pending')
      await emitAll(trx, [notifyRow('notify.requested', { signupId: row.id, sku: input.sku }, at)]);
    return { kind: 'accepted' };
  });
}

export async function findSignup(db: Db, id: number): Promise<Signup | undefined> {
  return db
    .selectFrom('notify_signups')
    .select(['id', 'sku', 'email', 'locale', 'status', 'nonce'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Confirms a pending sign-up: 'already' when it is not pending. If the SKU
 * is orderable at this very moment, the address is told at once (it asked to
 * hear when it can order, and it can).
 */
export async function confirmSignup(
  storage: Storage,
  signup: Signup,
  clock: Clock,
): Promise<'confirmed' | 'already'> {
  return storage.transaction(async (trx) => {
    const at = new Date(clock.now()).toISOString();
    // The SKU's lock: a change settling at the same time either sees this confirmation or is seen by it.
    const product = (await lockProducts(trx, [signup.sku])).get(signup.sku);
    const done = await trx
      .updateTable('notify_signups')
      .set({ status: 'confirmed', updated_at: at })
      .where('id', '=', signup.id)
      .where('nonce', '=', signup.nonce)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) return 'already';
    if (product) {
      const lots = (await openLots(trx, [signup.sku])).get(signup.sku) ?? [];
      await queueNotices(trx, signup.sku, servedRecord(product, lots), clock, at);
    }
    return 'confirmed';
  });
}

/** Takes the address off the list: 'already' when it was off. */
export async function unsubscribe(
  storage: Storage,
  signup: Signup,
  clock: Clock,
): Promise<'unsubscribed' | 'already'> {
  return storage.transaction(async (trx) => {
    const done = await trx
      .updateTable('notify_signups')
      .set({ status: 'unsubscribed', updated_at: new Date(clock.now()).toISOString() })
      .where('id', '=', signup.id)
      .where('nonce', '=', signup.nonce)
      .where('status', '!=', 'unsubscribed')
      .executeTakeFirst();
    return Number(done.numUpdatedRows) === 0 ? 'already' : 'unsubscribed';
  });
}

/**
 * In a change's transaction (the queue's settle, under the SKU's lock): when
 * the new record is orderable, every confirmed address is marked notified and
 * gets one `notify.available`. Nothing is read while the SKU cannot be ordered.
 */
export async function queueNotices(
  trx: Db,
  sku: string,
  record: AvailabilityRecord,
  clock: Clock,
  at: string,
): Promise<void> {
  if (!isOrderable(record, clock)) return;
  const told = await trx
    .updateTable('notify_signups')
    .set({ status: 'notified', updated_at: at })
    .where('sku', '=', sku)
    .where('status', '=', 'confirmed')
    .returning('id')
    .execute();
  if (told.length === 0) return;
  await emitAll(
    trx,
    told
      .map((row) => row.id)
      .sort((a, b) => a - b)
      .map((signupId) => notifyRow('notify.available', { signupId, sku }, at)),
  );
}
