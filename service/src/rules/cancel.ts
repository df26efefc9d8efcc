/**
 * Cancelling: POST /orders/{id}/cancel takes all of an order's units out of
 * the queue, the email's cancel link one line's. Filled units return to stock
 * (and so to the next lines in the queue), and later orders move up (their
 * promise.changed). Safe to repeat: what is cancelled stays as it is.
 */
import type { Storage } from '../storage/db.js';
import { locked, lockProducts } from '../storage/queries.js';
import type { OrderLineTable } from '../storage/schema.js';
import { notFound } from './errors.js';
import { emit } from './outbox.js';
import { settle } from './queue.js';
import type { Clock, ProductState } from './types.js';

type CancelledLine = Pick<OrderLineTable, 'line' | 'sku' | 'kind' | 'quantity' | 'allocated'>;

/** The line's units leave the product's counters; its filled units are free stock again. */
function release(product: ProductState, line: CancelledLine): void {
  if (line.kind !== 'in_stock') {
    product.queuedUnits -= line.quantity;
    product.waitingUnits -= line.quantity - line.allocated;
  }
  product.onHand += line.allocated;
}

const cancelledEvent = (orderId: string, lines: CancelledLine[]) => ({
  orderId,
  lines: lines.map((line) => ({ line: line.line, sku: line.sku, quantity: line.quantity })),
});

/** Cancels the order; false when it was already cancelled. Throws not found. */
export async function cancelOrder(
  storage: Storage,
  orderId: string,
  clock: Clock,
): Promise<boolean> {
  return storage.transaction(async (trx) => {
    const order = await trx
      .selectFrom('orders')
      .select('status')
      .where('id', '=', orderId)
      .executeTakeFirst();
    if (!order) throw notFound('order', orderId);
    if (order.status === 'cancelled') return false;
    const openLines = () =>
      trx
        .selectFrom('order_lines')
        .selectAll()
        .where('order_id', '=', orderId)
        .where('status', '!=', 'cancelled')
        .orderBy('line')
        .execute();
    const products = await lockProducts(
      trx,
      (await openLines()).map((line) => line.sku),
    );
    // Read again under the locks: a line cancelled meanwhile (its link, or a
    // second cancel, on PostgreSQL) is not released twice.
    const lines = await openLines();
    if (lines.length === 0) return false;
    const at = new Date(clock.now()).toISOString();
    for (const line of lines) release(locked(products, line.sku), line);
    await trx
      .updateTable('order_lines')
      .set({ status: 'cancelled' })
      .where('order_id', '=', orderId)
      .execute();
    await trx
      .updateTable('orders')
      .set({ status: 'cancelled', cancelled_at: at })
      .where('id', '=', orderId)
      .execute();
    await emit(trx, 'order.cancelled', cancelledEvent(orderId, lines), at);
    for (const product of products.values())
      await settle(trx, product, { reason: 'cancellation', source: { source: 'returned' } }, clock);
    return true;
  });
}

/**
 * Cancels one line (all its units); false when it was already cancelled.
 * Throws not found. The order is cancelled with its last open line. Its
 * order.cancelled event lists that one line.
 */
export async function cancelLine(
  storage: Storage,
  orderId: string,
  lineNo: number,
  clock: Clock,
): Promise<boolean> {
  return storage.transaction(async (trx) => {
    const found = await trx
      .selectFrom('order_lines')
      .select('sku')
      .where('order_id', '=', orderId)
      .where('line', '=', lineNo)
      .executeTakeFirst();
    if (!found) throw notFound('order line', `${orderId} line ${lineNo}`);
    // The product first (every writer locks it before the lines), then the
    // line, read as it is now: a second cancel of it waits here and finds it cancelled.
    const products = await lockProducts(trx, [found.sku]);
    const line = await trx
      .updateTable('order_lines')
      .set({ status: 'cancelled' })
      .where('order_id', '=', orderId)
      .where('line', '=', lineNo)
      .where('status', '!=', 'cancelled')
      .returning(['line', 'sku', 'kind', 'quantity', 'allocated'])
      .executeTakeFirst();
    if (!line) return false;
    const product = locked(products, line.sku);
    release(product, line);
    const at = new Date(clock.now()).toISOString();
    const open = await trx
      .selectFrom('order_lines')
      .select('line')
      .where('order_id', '=', orderId)
      .where('status', '!=', 'cancelled')
      .executeTakeFirst();
    if (!open)
      await trx
        .updateTable('orders')
        .set({ status: 'cancelled', cancelled_at: at })
        .where('id', '=', orderId)
        .execute();
    await emit(trx, 'order.cancelled', cancelledEvent(orderId, [line]), at);
    await settle(trx, product, { reason: 'cancellation', source: { source: 'returned' } }, clock);
    return true;
  });
}
