/**
 * The queue at work: stock released to waiting lines first come, first
 * served within priority, and every queued line's promise kept up to date.
 * Each runs inside the caller's transaction, under the SKU's lock.
 */
import type { Db } from '../storage/db.js';
import {
  type LineRow,
  type QueueKey,
  openLots,
  saveProduct,
  waitingLines,
} from '../storage/queries.js';
import { emit } from './outbox.js';
import { queuedPromise } from './promise.js';
import { servedRecord } from './record.js';
import { type Clock, type LinePromise, type ProductState, promiseBody } from './types.js';

export interface Allocated {
  orderId: string;
  line: number;
  quantity: number;
}

/** Where released units came from, for each line's basis. */
export interface Source {
  source: 'receipt' | 'stock' | 'returned';
  receiptId?: string;
  purchaseOrderId?: string;
}

const BATCH = 500;
const iso = (clock: Clock) => new Date(clock.now()).toISOString();

/** Releases free stock to the waiting lines in queue order; what no line waits for stays on hand. */
export async function release(
  trx: Db,
  product: ProductState,
  source: Source,
  clock: Clock,
): Promise<Allocated[]> {
  const allocated: Allocated[] = [];
  const at = iso(clock);
  while (product.onHand > 0 && product.waitingUnits > 0) {
    const lines = await waitingLines(trx, product.sku, undefined, BATCH);
    if (!lines.length) break;
    for (const line of lines) {
      const units = Math.min(line.quantity - line.allocated, product.onHand);
      if (units <= 0) break;
      const filled = line.allocated + units === line.quantity;
      await trx
        .updateTable('order_lines')
        .set({ allocated: line.allocated + units, status: filled ? 'allocated' : 'waiting' })
        .where('seq', '=', line.seq)
        .execute();
      await trx
        .insertInto('allocations')
        .values({
          order_id: line.order_id,
          line: line.line,
          sku: product.sku,
          quantity: units,
          source: source.source,
          receipt_id: source.receiptId ?? null,
          purchase_order_id: source.purchaseOrderId ?? null,
          created_at: at,
        })
        .execute();
      await emit(
        trx,
        'order.allocated',
        { orderId: line.order_id, line: line.line, sku: product.sku, quantity: units },
        at,
      );
      product.onHand -= units;
      product.waitingUnits -= units;
      allocated.push({ orderId: line.order_id, line: line.line, quantity: units });
    }
  }
  return allocated;
}

const sameDate = (line: LineRow, promise: LinePromise) =>
  line.promise_date === promise.date && line.promise_precision === promise.precision;

/**
 * Recomputes the promise of every waiting line from `from` on (all when
 * absent). A promise that moved at its precision since the customer was last
 * told is recorded in the history and told (promise.changed).
 */
async function recompute(
  trx: Db,
  product: ProductState,
  reason: string,
  clock: Clock,
  ahead: number,
  from?: QueueKey,
) {
  const lots = (await openLots(trx, [product.sku])).get(product.sku) ?? [];
  const at = iso(clock);
  for (const line of await waitingLines(trx, product.sku, from)) {
    const waiting = line.quantity - line.allocated;
    const told = { date: line.told_date, precision: line.told_precision } as LinePromise;
    const { promise, moved } = queuedPromise(product, lots, ahead, waiting, clock, told);
    ahead += waiting;
    if (sameDate(line, promise) && !moved) continue;
    const tell = moved ? { told_date: promise.date, told_precision: promise.precision } : {};
    await trx
      .updateTable('order_lines')
      .set({ promise_date: promise.date, promise_precision: promise.precision, ...tell })
      .where('seq', '=', line.seq)
      .execute();
    if (!moved) continue;
    await recordPromise(trx, line.order_id, line.line, promise, reason, at);
    await emit(
      trx,
      'promise.changed',
      {
        orderId: line.order_id,
        line: line.line,
        sku: product.sku,
        previous: promiseBody(told),
        current: promiseBody(promise),
      },
      at,
    );
  }
  return lots;
}

export async function recordPromise(
  trx: Db,
  orderId: string,
  line: number,
  promise: LinePromise,
  reason: string,
  at: string,
) {
  await trx
    .insertInto('promise_history')
    .values({
      order_id: orderId,
      line,
      promise: JSON.stringify(promiseBody(promise)),
      precision: promise.precision,
      at,
      reason,
    })
    .execute();
}

export interface SettleOptions {
  /** Why: recorded with each moved promise. */
  reason: string;
  source?: Source;
  /** Only lines appended at the end were added (priority-0 orders): no other promise can change. */
  appendedOnly?: boolean;
}

/**
 * Brings a changed SKU to rest: free stock to the queue, promises recomputed,
 * counters saved, and the new record announced. Returns what was allocated.
 */
export async function settle(
  trx: Db,
  product: ProductState,
  options: SettleOptions,
  clock: Clock,
): Promise<Allocated[]> {
  const allocated = await release(trx, product, options.source ?? { source: 'stock' }, clock);
  const lots =
    options.appendedOnly && !allocated.length
      ? ((await openLots(trx, [product.sku])).get(product.sku) ?? [])
      : await recompute(trx, product, options.reason, clock, 0);
  const at = iso(clock);
  await saveProduct(trx, product, at);
  await emit(
    trx,
    'availability.changed',
    { sku: product.sku, record: servedRecord(product, lots) },
    at,
  );
  return allocated;
}
