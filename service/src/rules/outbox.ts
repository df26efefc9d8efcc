/**
 * The transactional outbox: each event is a row written in the transaction
 * of the change that causes it, so a crash loses neither or both. Delivery
 * (webhooks, email, SSE) reads the rows later and marks them delivered.
 */
import type { AvailabilityRecord } from 'preorder-elements/engine';
import type { Db } from '../storage/db.js';

export interface AcceptedLine {
  sku: string;
  quantity: number;
  kind: 'in_stock' | 'preorder' | 'backorder';
  promise: { date: string } | null;
  precision: string;
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
}

export async function emit<T extends keyof Events>(
  trx: Db,
  type: T,
  data: Events[T],
  at: string,
): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({
      type,
      order_id: 'orderId' in data ? data.orderId : null,
      sku: 'sku' in data ? data.sku : null,
      payload: JSON.stringify(data),
      created_at: at,
      delivered_at: null,
      next_attempt_at: null,
      last_error: null,
    })
    .execute();
}
