/**
 * POST /admin/receipts: stock arrived. It reduces the named purchase order
 * (else the SKU's open ones, earliest first), goes to the queue first come,
 * first served, and what is left goes on hand. With an Idempotency-Key it
 * is applied once: the key is claimed in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Storage } from '../storage/db.js';
import { lockProducts } from '../storage/queries.js';
import { RuleError, notFound } from './errors.js';
import { type Allocated, settle } from './queue.js';
import type { Clock } from './types.js';

export interface ReceiptInput {
  sku: string;
  quantity: number;
  purchaseOrderId?: string;
}

export interface ReceiptAnswer {
  receipt: {
    id: string;
    sku: string;
    quantity: number;
    purchaseOrderId: string | null;
    receivedAt: string;
  };
  allocated: Allocated[];
}

/** Takes the units off the purchase orders they close or reduce; returns the first one reduced. */
async function reducePurchaseOrders(
  trx: Db,
  input: ReceiptInput,
  at: string,
): Promise<string | null> {
  let query = trx
    .selectFrom('purchase_orders')
    .selectAll()
    .where('sku', '=', input.sku)
    .where('status', '=', 'open')
    .orderBy('expected_date')
    .orderBy('id');
  if (input.purchaseOrderId !== undefined) {
    const named = await trx
      .selectFrom('purchase_orders')
      .selectAll()
      .where('id', '=', input.purchaseOrderId)
      .executeTakeFirst();
    if (!named) throw notFound('purchase order', input.purchaseOrderId);
    if (named.sku !== input.sku)
      throw new RuleError(
        400,
        'invalid_input',
        `purchaseOrderId: expected a purchase order of ${input.sku}, got one of ${named.sku}`,
        { field: 'purchaseOrderId' },
      );
    if (named.status === 'cancelled')
      throw new RuleError(
        409,
        'purchase_order_cancelled',
        `purchase order ${named.id} is cancelled`,
        { id: named.id },
      );
    query = query.where('id', '=', named.id);
  }
  let units = input.quantity;
  let first: string | null = null;
  for (const po of await query.execute()) {
    if (units <= 0) break;
    const received = Math.min(po.quantity, po.received + units);
    units -= received - po.received;
    first ??= po.id;
    await trx
      .updateTable('purchase_orders')
      .set({ received, status: received === po.quantity ? 'received' : 'open', updated_at: at })
      .where('id', '=', po.id)
      .execute();
  }
  return first ?? input.purchaseOrderId ?? null;
}

/** Applies the receipt, or gives the first answer to its Idempotency-Key again (200). */
export async function receive(
  storage: Storage,
  input: ReceiptInput,
  idempotencyKey: string | undefined,
  clock: Clock,
): Promise<{ statusCode: 200 | 201; answer: ReceiptAnswer }> {
  return storage.transaction(async (trx) => {
    const at = new Date(clock.now()).toISOString();
    const id = randomUUID();
    const product = (await lockProducts(trx, [input.sku])).get(input.sku);
    if (!product)
      throw new RuleError(404, 'unknown_sku', `no product with SKU ${JSON.stringify(input.sku)}`, {
        sku: input.sku,
      });
    const claimed = await trx
      .insertInto('receipts')
      .values({
        id,
        sku: input.sku,
        quantity: input.quantity,
        purchase_order_id: null,
        idempotency_key: idempotencyKey ?? null,
        received_at: at,
        answer: null,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!claimed) {
      const first = await trx
        .selectFrom('receipts')
        .select('answer')
        .where('idempotency_key', '=', idempotencyKey ?? '')
        .executeTakeFirstOrThrow();
      return {
        statusCode: 200 as const,
        answer: JSON.parse(first.answer ?? 'null') as ReceiptAnswer,
      };
    }
    const purchaseOrderId = await reducePurchaseOrders(trx, input, at);
    product.onHand += input.quantity;
    const allocated = await settle(
      trx,
      product,
      {
        reason: 'receipt',
        source: {
          source: 'receipt',
          receiptId: id,
          ...(purchaseOrderId ? { purchaseOrderId } : {}),
        },
      },
      clock,
    );
    const answer: ReceiptAnswer = {
      receipt: { id, sku: input.sku, quantity: input.quantity, purchaseOrderId, receivedAt: at },
      allocated,
    };
    await trx
      .updateTable('receipts')
      .set({ purchase_order_id: purchaseOrderId, answer: JSON.stringify(answer) })
      .where('id', '=', id)
      .execute();
    return { statusCode: 201 as const, answer };
  });
}
