/**
 * POST /orders/{id}/cancel: the order's units leave the queue, its filled
 * units return to stock (and so to the next lines in the queue), and later
 * orders move up. Safe to repeat: a cancelled order stays as it is.
 */
import type { Storage } from '../storage/db.js';
import { locked, lockProducts } from '../storage/queries.js';
import { notFound } from './errors.js';
import { emit } from './outbox.js';
import { settle } from './queue.js';
import type { Clock } from './types.js';

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
    const lines = await trx
      .selectFrom('order_lines')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('status', '!=', 'cancelled')
      .orderBy('line')
      .execute();
    const products = await lockProducts(
      trx,
      lines.map((line) => line.sku),
    );
    const at = new Date(clock.now()).toISOString();
    for (const line of lines) {
      const product = locked(products, line.sku);
      if (line.kind !== 'in_stock') {
        product.queuedUnits -= line.quantity;
        product.waitingUnits -= line.quantity - line.allocated;
      }
      product.onHand += line.allocated;
    }
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
    await emit(
      trx,
      'order.cancelled',
      {
        orderId,
        lines: lines.map((line) => ({ line: line.line, sku: line.sku, quantity: line.quantity })),
      },
      at,
    );
    for (const product of products.values())
      await settle(trx, product, { reason: 'cancellation', source: { source: 'returned' } }, clock);
    return true;
  });
}
