/**
 * Stock released to the waiting lines first come, first served within
 * priority. Runs inside the caller's transaction, under the SKU's lock.
 */
import { insertRows, updateLines } from '../storage/batch.js';
import type { Db } from '../storage/db.js';
import { waitingLines } from '../storage/queries.js';
import { type EventRow, emitAll, eventRow } from './outbox.js';
import type { ProductState } from './types.js';

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

/** Waiting lines read per round of a release. */
const BATCH = 2000;

const ALLOCATIONS = {
  order_id: 'text',
  line: 'integer',
  sku: 'text',
  quantity: 'integer',
  source: 'text',
  receipt_id: 'text',
  purchase_order_id: 'text',
  created_at: 'text',
} as const;
type Row = (string | number | null)[];

/** Releases free stock to the waiting lines in queue order; what no line waits for stays on hand. */
export async function release(
  trx: Db,
  product: ProductState,
  source: Source,
  at: string,
): Promise<Allocated[]> {
  const allocated: Allocated[] = [];
  while (product.onHand > 0 && product.waitingUnits > 0) {
    const lines = await waitingLines(trx, product.sku, undefined, BATCH);
    if (!lines.length) break;
    // The round's effects, written set-based once the round is decided (same order, same rows).
    const updates: Row[] = [];
    const rows: Row[] = [];
    const events: EventRow[] = [];
    for (const line of lines) {
      const units = Math.min(line.quantity - line.allocated, product.onHand);
      if (units <= 0) break;
      const filled = line.allocated + units === line.quantity;
      updates.push([line.seq, line.allocated + units, filled ? 'allocated' : 'waiting']);
      rows.push([
        line.order_id,
        line.line,
        product.sku,
        units,
        source.source,
        source.receiptId ?? null,
        source.purchaseOrderId ?? null,
        at,
      ]);
      events.push(
        eventRow(
          'order.allocated',
          { orderId: line.order_id, line: line.line, sku: product.sku, quantity: units },
          at,
        ),
      );
      product.onHand -= units;
      product.waitingUnits -= units;
      allocated.push({ orderId: line.order_id, line: line.line, quantity: units });
    }
    if (!updates.length) break;
    await updateLines(trx, { allocated: 'integer', status: 'text' }, updates);
    await insertRows(trx, 'allocations', ALLOCATIONS, rows);
    await emitAll(trx, events);
  }
  return allocated;
}
