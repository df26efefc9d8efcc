/**
 * The transactional outbox: each event is a row written in the transaction
 * of the change that causes it, so a crash loses neither or both. Delivery
 * (webhooks, email, SSE) reads the rows later and marks them delivered.
 */
import type { AvailabilityRecord } from 'preorder-elements/engine';
import { insertRows } from '../storage/batch.js';
import type { Db } from '../storage/db.js';

export interface AcceptedLine {
  sku: string;
  quantity: number;
  kind: 'in_stock' | 'preorder' | 'backorder';
  promise: { date: string } | null;
  precision: string;
  /** Present (true) on a platform order's line the cap or stock did not cover. */
  oversold?: true;
}

/** Event types and their `data` (service.md s.4). */
export interface Events {
  'order.accepted': { orderId: string; lines: AcceptedLine[] };
  'order.allocated': { orderId: string; line: number; sku: string; quantity: number };
  'promise.changed': {
    orderId: string;
    line: number;
    sku: string;
    previous: { date: string } | null;
    current: { date: string } | null;
  };
  'order.cancelled': { orderId: string; lines: { line: number; sku: string; quantity: number }[] };
  'order.oversold': { orderId: string; line: number; sku: string; quantity: number };
  'availability.changed': { sku: string; record: AvailabilityRecord };
  /** A "notify me" sign-up waiting for its confirmation email (rules/notify.ts). */
  'notify.requested': { signupId: number; sku: string };
  /** A confirmed sign-up whose SKU became orderable: its one email. */
  'notify.available': { signupId: number; sku: string };
}

/** The outbox columns an event fills (the delivery columns start empty), in EventRow's order. */
export const OUTBOX_COLUMNS = {
  type: 'text',
  order_id: 'text',
  sku: 'text',
  payload: 'text',
  created_at: 'text',
} as const;

/** An event as an outbox row: its type, order, SKU, payload and time. */
export type EventRow = [string, string | null, string | null, string, string];

export function eventRow<T extends keyof Events>(type: T, data: Events[T], at: string): EventRow {
  return [
    type,
    'orderId' in data ? data.orderId : null,
    'sku' in data ? data.sku : null,
    JSON.stringify(data),
    at,
  ];
}

/** Writes the events (eventRow's), in the order given: their ids follow it. */
export async function emitAll(trx: Db, events: readonly EventRow[]): Promise<void> {
  await insertRows(trx, 'outbox', OUTBOX_COLUMNS, events);
}

export async function emit<T extends keyof Events>(
  trx: Db,
  type: T,
  data: Events[T],
  at: string,
): Promise<void> {
  await emitAll(trx, [eventRow(type, data, at)]);
}
