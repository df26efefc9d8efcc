/** What the read routes show: an order with each line's basis and history, a queue, a product. */
import type { Db } from '../storage/db.js';
import { openLots, readProducts, unitsAhead } from '../storage/queries.js';
import { notFound } from './errors.js';
import { purchaseOrderView } from './purchase-orders.js';
import { servedRecord } from './record.js';

const parsePromise = (text: string | null) => (text === null ? null : { date: text });

/** Why a line has its promise: where it stands in the queue, what covers it, what was allocated. */
async function basis(
  db: Db,
  line: {
    sku: string;
    seq: number;
    priority: number;
    quantity: number;
    allocated: number;
    status: string;
    promise_date: string | null;
  },
  orderId: string,
  lineNo: number,
) {
  const allocations = await db
    .selectFrom('allocations')
    .select(['quantity', 'source', 'receipt_id', 'purchase_order_id', 'created_at'])
    .where('order_id', '=', orderId)
    .where('line', '=', lineNo)
    .orderBy('id')
    .execute();
  const waiting = line.status === 'waiting' ? line.quantity - line.allocated : 0;
  let queue = null;
  let purchaseOrders: string[] = [];
  if (waiting) {
    const ahead = await unitsAhead(db, line.sku, line);
    queue = { unitsAhead: ahead, positions: { from: ahead + 1, to: ahead + waiting } };
    // The purchase orders due on the promised day bring its last unit.
    const lots = (await openLots(db, [line.sku])).get(line.sku) ?? [];
    purchaseOrders = lots.filter((lot) => lot.date === line.promise_date).map((lot) => lot.id);
  }
  return {
    queue,
    purchaseOrders,
    allocations: allocations.map((a) => ({
      quantity: a.quantity,
      source: a.source,
      receiptId: a.receipt_id,
      purchaseOrderId: a.purchase_order_id,
      at: a.created_at,
    })),
  };
}

export async function orderView(db: Db, id: string) {
  const order = await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!order) throw notFound('order', id);
  const lines = await db
    .selectFrom('order_lines')
    .selectAll()
    .where('order_id', '=', id)
    .orderBy('line')
    .execute();
  const history = await db
    .selectFrom('promise_history')
    .selectAll()
    .where('order_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    id: order.id,
    status: order.status,
    priority: order.priority,
    placedAt: order.placed_at,
    acceptedAt: order.accepted_at,
    cancelledAt: order.cancelled_at,
    lines: await Promise.all(
      lines.map(async (line) => ({
        line: line.line,
        sku: line.sku,
        quantity: line.quantity,
        kind: line.kind,
        allocated: line.allocated,
        status: line.status,
        promise: parsePromise(line.promise_date),
        precision: line.promise_precision,
        oversold: line.oversold,
        shown:
          line.shown_type === null && line.shown_date === null
            ? null
            : { orderType: line.shown_type, expectedDate: line.shown_date },
        basis: await basis(db, line, id, line.line),
        history: history
          .filter((entry) => entry.line === line.line)
          .map((entry) => ({
            promise: JSON.parse(entry.promise) as unknown,
            precision: entry.precision,
            at: entry.at,
            reason: entry.reason,
          })),
      })),
    ),
  };
}

/** A SKU's queue: every pre-/backorder line not cancelled, in queue order, filled ones included. */
export async function queueView(db: Db, sku: string, limit: number, offset: number) {
  const rows = await db
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .select([
      'order_lines.order_id',
      'order_lines.line',
      'order_lines.quantity',
      'order_lines.allocated',
      'orders.placed_at',
      'order_lines.priority',
      'order_lines.promise_date',
      'order_lines.promise_precision',
      'order_lines.status',
      'order_lines.oversold',
    ])
    .where('order_lines.sku', '=', sku)
    .where('order_lines.kind', '!=', 'in_stock')
    .where('order_lines.status', '!=', 'cancelled')
    .orderBy('order_lines.priority', 'desc')
    .orderBy('order_lines.seq')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((row) => ({
    orderId: row.order_id,
    line: row.line,
    quantity: row.quantity,
    allocated: row.allocated,
    status: row.status,
    placedAt: row.placed_at,
    priority: row.priority,
    promise: parsePromise(row.promise_date),
    precision: row.promise_precision,
    oversold: row.oversold,
  }));
}

export async function productView(db: Db, sku: string) {
  const [product] = await readProducts(db, [sku]);
  if (!product) throw notFound('product', sku);
  const lots = (await openLots(db, [sku])).get(sku) ?? [];
  const purchaseOrders = await db
    .selectFrom('purchase_orders')
    .selectAll()
    .where('sku', '=', sku)
    .orderBy('expected_date')
    .orderBy('id')
    .execute();
  const lines = await db
    .selectFrom('order_lines')
    .select((eb) => ['status', eb.fn.countAll<number>().as('lines')])
    .where('sku', '=', sku)
    .where('kind', '!=', 'in_stock')
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(lines.find((row) => row.status === status)?.lines ?? 0);
  return {
    sku,
    ...product.settings,
    onHand: product.onHand,
    queue: {
      waitingLines: count('waiting'),
      filledLines: count('allocated'),
      waitingUnits: product.waitingUnits,
      filledUnits: product.queuedUnits - product.waitingUnits,
      acceptedUnits: product.queuedUnits,
    },
    purchaseOrders: purchaseOrders.map(purchaseOrderView),
    record: servedRecord(product, lots),
  };
}
