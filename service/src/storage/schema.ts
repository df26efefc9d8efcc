/**
 * The tables as Kysely sees them. Plain columns only (text, integer), so one
 * set of queries runs on SQLite and PostgreSQL alike: booleans and JSON are
 * kept as text or 0/1 where they are stored at all.
 */
import type { Generated } from 'kysely';

export interface ProductTable {
  sku: string;
  /** The merchant's product fields (title, status, cap...), JSON. */
  settings: string;
  /** Free stock: units on hand that no order holds. */
  on_hand: number;
  /** Pre-/backorder units accepted and not cancelled: what counts against the cap. */
  queued_units: number;
  /** Of those, units not yet filled: the record's `reserved`. */
  waiting_units: number;
  /** Bumped by every change to the SKU's state: the record cache's and ETag's key, and the row lock. */
  version: number;
  updated_at: string;
}

export interface PurchaseOrderTable {
  id: string;
  sku: string;
  quantity: number;
  received: number;
  expected_date: string;
  date_precision: string | null;
  status: 'open' | 'received' | 'cancelled';
  created_at: string;
  updated_at: string;
}

export interface OrderTable {
  id: string;
  status: 'open' | 'cancelled';
  priority: number;
  placed_at: string;
  accepted_at: string;
  customer_email: string | null;
  customer_locale: string | null;
  /** The first answer (POST /orders 201 body), JSON: what a retry with the same id gets. */
  answer: string;
  cancelled_at: string | null;
}

export interface OrderLineTable {
  /** Acceptance sequence: the queue is ordered by priority, then this. */
  seq: Generated<number>;
  order_id: string;
  line: number;
  sku: string;
  kind: 'in_stock' | 'preorder' | 'backorder';
  quantity: number;
  allocated: number;
  status: 'waiting' | 'allocated' | 'cancelled';
  priority: number;
  /** The current promise: a calendar day, or null ("to be confirmed"). */
  promise_date: string | null;
  promise_precision: string;
  /** The last promise the customer was given (at acceptance or in the last notice). */
  told_date: string | null;
  told_precision: string;
  /**
   * Units of the line taken beyond what the cap or stock covered (a platform
   * order, already paid, is never refused): 0, or the whole line, which is
   * split off as a line of its own. They queue for stock like any unit and
   * count against the cap (the record's room is clamped at 0).
   */
  oversold: Generated<number>;
  /** What the storefront showed for the line: `<order-button>`'s `_order_type` and `_expected_date`. */
  shown_type: string | null;
  shown_date: string | null;
}

export interface ReceiptTable {
  id: string;
  sku: string;
  quantity: number;
  purchase_order_id: string | null;
  idempotency_key: string | null;
  received_at: string;
  /** The 201 answer, JSON: what a retry with the same Idempotency-Key gets. */
  answer: string | null;
}

export interface AllocationTable {
  id: Generated<number>;
  order_id: string;
  line: number;
  sku: string;
  quantity: number;
  /** 'receipt' (with receipt_id), 'stock' (on hand when accepted or adjusted), 'returned' (a cancellation's units). */
  source: string;
  receipt_id: string | null;
  purchase_order_id: string | null;
  created_at: string;
}

export interface PromiseHistoryTable {
  id: Generated<number>;
  order_id: string;
  line: number;
  /** `{ date }` or null, JSON. */
  promise: string;
  precision: string;
  at: string;
  reason: string;
}

/**
 * The transactional outbox: events written with the change that causes them, delivered later.
 * `delivered_at` is set when the delivery worker has handed the event to every
 * target's queue (a row per target in outbox_deliveries); `attempts`,
 * `next_attempt_at` and `last_error` are per target there, not here.
 */
export interface OutboxTable {
  id: Generated<number>;
  type: string;
  order_id: string | null;
  sku: string | null;
  /** The event's `data`, JSON. */
  payload: string;
  created_at: string;
  delivered_at: string | null;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  last_error: string | null;
}

/**
 * One event still to deliver to one target (a webhook URL): the per-target
 * state, so a target that is down holds back only its own rows. Delivered
 * rows are deleted; a row present for (target, ordering_key) with a lower
 * event_id holds the later ones back (in order per order id).
 */
export interface OutboxDeliveryTable {
  target: string;
  /** outbox.id */
  event_id: number;
  /** `order:<id>`, else `sku:<sku>`, else `event:<id>`: events with one key go out in id order. */
  ordering_key: string;
  /** Failed attempts so far. */
  attempts: number;
  /** ISO time before which it is not tried again; null: now. */
  next_attempt_at: string | null;
  /** The instance delivering it, until lease_until (ISO): a killed instance's lease runs out. */
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
}

/** "Notify me" sign-ups (rules/notify.ts): one row per SKU and address. */
export interface NotifySignupTable {
  id: Generated<number>;
  sku: string;
  /** As given; `email_key` (lowercased) is what makes it one address. */
  email: string;
  email_key: string;
  locale: string;
  /** pending (link sent), confirmed, notified (told once), unsubscribed. */
  status: 'pending' | 'confirmed' | 'notified' | 'unsubscribed';
  /** Random, in the links' signature: a new sign-up after notified/unsubscribed voids older links. */
  nonce: string;
  created_at: string;
  updated_at: string;
}

/** Sign-up attempts per key (`email:...`, `ip:...`) and fixed window: the rate limit, shared by instances. */
export interface NotifyRateTable {
  key: string;
  window_start: string;
  hits: number;
}

export interface Database {
  products: ProductTable;
  purchase_orders: PurchaseOrderTable;
  orders: OrderTable;
  order_lines: OrderLineTable;
  receipts: ReceiptTable;
  allocations: AllocationTable;
  promise_history: PromiseHistoryTable;
  outbox: OutboxTable;
  outbox_deliveries: OutboxDeliveryTable;
  notify_signups: NotifySignupTable;
  notify_rate: NotifyRateTable;
}
