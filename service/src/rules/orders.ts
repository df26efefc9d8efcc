/**
 * POST /orders: all lines or none, the cap never exceeded, the same id
 * answered once. Runs in one transaction holding every SKU's lock.
 */
import type { Db, Storage } from '../storage/db.js';
import { locked, lockProducts, openLots, unitsAhead } from '../storage/queries.js';
import { take } from './acceptance.js';
import { RuleError } from './errors.js';
import { type AcceptedLine, emit } from './outbox.js';
import { inStockPromise, queuedPromise } from './promise.js';
import { historyRow, recordPromises } from './history.js';
import { settle } from './queue.js';
import { servedRecord } from './record.js';
import { type Clock, type LinePromise, promiseBody } from './types.js';

export interface OrderInput {
  id: string;
  placedAt?: string;
  priority?: number;
  customer?: { email?: string; locale?: string };
  lines: { sku: string; quantity: number }[];
}

export interface OrderAnswer {
  id: string;
  lines: AcceptedLine[];
}

interface NewLine {
  sku: string;
  quantity: number;
  kind: AcceptedLine['kind'];
  promise: LinePromise;
}

/** Splits the request's lines: per SKU, stock first (in line order), the rest queued. */
async function planLines(trx: Db, input: OrderInput, priority: number, clock: Clock) {
  const skus = input.lines.map((line) => line.sku);
  const products = await lockProducts(trx, skus);
  const unknown = skus.find((sku) => !products.has(sku));
  if (unknown !== undefined)
    throw new RuleError(409, 'unknown_sku', `no product with SKU ${JSON.stringify(unknown)}`, {
      sku: unknown,
      available: 0,
    });
  const lots = await openLots(trx, [...products.keys()]);
  const budget = new Map<string, { stock: number; ahead: number; kind: AcceptedLine['kind'] }>();
  for (const [sku, product] of products) {
    // Several lines of one SKU count together.
    const total = input.lines.reduce(
      (sum, line) => sum + (line.sku === sku ? line.quantity : 0),
      0,
    );
    const taken = take(servedRecord(product, lots.get(sku) ?? []), total, clock);
    const ahead = taken.queued ? await unitsAhead(trx, sku, { priority }) : 0;
    budget.set(sku, { stock: taken.fromStock, ahead, kind: taken.queueKind });
  }
  const planned: NewLine[] = [];
  for (const { sku, quantity } of input.lines) {
    const product = locked(products, sku);
    const left = budget.get(sku) ?? { stock: 0, ahead: 0, kind: 'backorder' as const };
    const fromStock = Math.min(quantity, left.stock);
    if (fromStock)
      planned.push({ sku, quantity: fromStock, kind: 'in_stock', promise: inStockPromise(clock) });
    left.stock -= fromStock;
    const queued = quantity - fromStock;
    if (!queued) continue;
    const { promise } = queuedPromise(
      product,
      lots.get(sku) ?? [],
      left.ahead,
      queued,
      clock,
      undefined,
      left.kind === 'preorder' ? 'preorder' : 'backorder',
    );
    planned.push({ sku, quantity: queued, kind: left.kind, promise });
    left.ahead += queued;
    product.queuedUnits += queued;
    product.waitingUnits += queued;
  }
  for (const line of planned)
    if (line.kind === 'in_stock') locked(products, line.sku).onHand -= line.quantity;
  return { planned, products };
}

const answerLine = (line: NewLine): AcceptedLine => ({
  sku: line.sku,
  quantity: line.quantity,
  kind: line.kind,
  promise: promiseBody(line.promise),
  precision: line.promise.precision,
});

/** Places the order, or gives the first answer to its id again (200). */
export async function placeOrder(
  storage: Storage,
  input: OrderInput,
  clock: Clock,
): Promise<{ statusCode: 200 | 201; answer: OrderAnswer }> {
  const priority = input.priority ?? 0;
  return storage.transaction(async (trx) => {
    const at = new Date(clock.now()).toISOString();
    // Claims the id first: a second request with it waits here for the first to commit.
    const claimed = await trx
      .insertInto('orders')
      .values({
        id: input.id,
        status: 'open',
        priority,
        placed_at: input.placedAt ?? at,
        accepted_at: at,
        customer_email: input.customer?.email ?? null,
        customer_locale: input.customer?.locale ?? null,
        answer: '',
        cancelled_at: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!claimed) {
      const first = await trx
        .selectFrom('orders')
        .select('answer')
        .where('id', '=', input.id)
        .executeTakeFirstOrThrow();
      return { statusCode: 200 as const, answer: JSON.parse(first.answer) as OrderAnswer };
    }
    const { planned, products } = await planLines(trx, input, priority, clock);
    // One statement per table for all the lines, in line order (seq follows it).
    await trx
      .insertInto('order_lines')
      .values(
        planned.map((line, index) => {
          const inStock = line.kind === 'in_stock';
          return {
            order_id: input.id,
            line: index + 1,
            sku: line.sku,
            kind: line.kind,
            quantity: line.quantity,
            allocated: inStock ? line.quantity : 0,
            status: inStock ? ('allocated' as const) : ('waiting' as const),
            priority,
            promise_date: line.promise.date,
            promise_precision: line.promise.precision,
            told_date: line.promise.date,
            told_precision: line.promise.precision,
          };
        }),
      )
      .execute();
    const fromStock = planned.flatMap((line, index) =>
      line.kind === 'in_stock'
        ? [
            {
              order_id: input.id,
              line: index + 1,
              sku: line.sku,
              quantity: line.quantity,
              source: 'stock',
              receipt_id: null,
              purchase_order_id: null,
              created_at: at,
            },
          ]
        : [],
    );
    if (fromStock.length) await trx.insertInto('allocations').values(fromStock).execute();
    await recordPromises(
      trx,
      planned.map((line, index) => historyRow(input.id, index + 1, line.promise, 'accepted', at)),
    );
    const answer: OrderAnswer = { id: input.id, lines: planned.map(answerLine) };
    await trx
      .updateTable('orders')
      .set({ answer: JSON.stringify(answer) })
      .where('id', '=', input.id)
      .execute();
    await emit(trx, 'order.accepted', { orderId: input.id, lines: answer.lines }, at);
    // A priority-0 order joins the end of its queue: it moves nobody's promise.
    for (const product of products.values())
      await settle(trx, product, { reason: 'order_ahead', appendedOnly: priority === 0 }, clock);
    return { statusCode: 201 as const, answer };
  });
}
