/**
 * Inbound supply: purchase orders created, moved, resized and cancelled.
 * Each change recomputes every queued line's promise of the SKU.
 */
import { randomUUID } from 'node:crypto';
import type { DatePrecision } from 'preorder-elements/engine';
import type { Db, Storage } from '../storage/db.js';
import type { PurchaseOrderTable } from '../storage/schema.js';
import { lockProducts } from '../storage/queries.js';
import { RuleError, notFound } from './errors.js';
import { settle } from './queue.js';
import type { Clock } from './types.js';

export interface PurchaseOrderInput {
  id?: string;
  sku: string;
  quantity: number;
  expectedDate: string;
  datePrecision?: DatePrecision;
}

export const purchaseOrderView = (po: PurchaseOrderTable) => ({
  id: po.id,
  sku: po.sku,
  quantity: po.quantity,
  received: po.received,
  remaining: po.status === 'open' ? po.quantity - po.received : 0,
  expectedDate: po.expected_date,
  datePrecision: po.date_precision,
  status: po.status,
});
export type PurchaseOrderView = ReturnType<typeof purchaseOrderView>;

const iso = (clock: Clock) => new Date(clock.now()).toISOString();

async function lockSku(trx: Db, sku: string) {
  const product = (await lockProducts(trx, [sku])).get(sku);
  if (!product)
    throw new RuleError(404, 'unknown_sku', `no product with SKU ${JSON.stringify(sku)}`, { sku });
  return product;
}

/** Creates the purchase order; the same id with the same terms again is answered 200. */
export async function createPurchaseOrder(
  storage: Storage,
  input: PurchaseOrderInput,
  clock: Clock,
) {
  return storage.transaction(async (trx) => {
    const product = await lockSku(trx, input.sku);
    const at = iso(clock);
    const id = input.id ?? randomUUID();
    const existing = await trx
      .selectFrom('purchase_orders')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (existing) {
      const same =
        existing.sku === input.sku &&
        existing.quantity === input.quantity &&
        existing.expected_date === input.expectedDate;
      if (!same)
        throw new RuleError(409, 'already_exists', `purchase order ${id} exists with other terms`, {
          id,
        });
      return { statusCode: 200 as const, purchaseOrder: purchaseOrderView(existing) };
    }
    const row: PurchaseOrderTable = {
      id,
      sku: input.sku,
      quantity: input.quantity,
      received: 0,
      expected_date: input.expectedDate,
      date_precision: input.datePrecision ?? null,
      status: 'open',
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('purchase_orders').values(row).execute();
    await settle(trx, product, { reason: 'purchase_order_created' }, clock);
    return { statusCode: 201 as const, purchaseOrder: purchaseOrderView(row) };
  });
}

export interface PurchaseOrderChange {
  expectedDate?: string;
  quantity?: number;
  cancel?: boolean;
}

/** Moves, resizes or cancels an open purchase order. */
export async function changePurchaseOrder(
  storage: Storage,
  id: string,
  change: PurchaseOrderChange,
  clock: Clock,
) {
  return storage.transaction(async (trx) => {
    const current = await trx
      .selectFrom('purchase_orders')
      .select('sku')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!current) throw notFound('purchase order', id);
    const product = await lockSku(trx, current.sku);
    // Read again under the SKU's lock: a receipt may have just reduced it.
    const po = await trx
      .selectFrom('purchase_orders')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (po.status !== 'open')
      throw new RuleError(
        409,
        `purchase_order_${po.status}`,
        `purchase order ${id} is ${po.status}`,
        { id },
      );
    const quantity = change.quantity ?? po.quantity;
    if (quantity < po.received)
      throw new RuleError(
        409,
        'below_received',
        `quantity: expected at least the ${po.received} units already received, got ${quantity}`,
        { field: 'quantity', received: po.received },
      );
    const status = change.cancel ? 'cancelled' : quantity === po.received ? 'received' : 'open';
    const updated = {
      ...po,
      quantity,
      expected_date: change.expectedDate ?? po.expected_date,
      status,
      updated_at: iso(clock),
    } as PurchaseOrderTable;
    await trx.updateTable('purchase_orders').set(updated).where('id', '=', id).execute();
    const reason = change.cancel
      ? 'purchase_order_cancelled'
      : change.expectedDate !== undefined && change.expectedDate !== po.expected_date
        ? 'purchase_order_moved'
        : 'purchase_order_resized';
    await settle(trx, product, { reason }, clock);
    return purchaseOrderView(updated);
  });
}
