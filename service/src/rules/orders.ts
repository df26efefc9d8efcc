/**
 * POST /orders: all lines or none, the cap never exceeded, the same id
 * answered once. Runs in one transaction holding every SKU's lock.
 */
import type { Storage } from '../storage/db.js';
import { type AcceptedLine, emit, emitAll, eventRow } from './outbox.js';
import { historyRow, recordPromises } from './history.js';
import { type OrderLineInput, type PlannedLine, planLines } from './plan.js';
import { settle } from './queue.js';
import { type Clock, promiseBody } from './types.js';

export interface OrderInput {
  id: string;
  placedAt?: string;
  priority?: number;
  customer?: { email?: string; locale?: string };
  lines: OrderLineInput[];
}

export interface OrderAnswer {
  id: string;
  lines: AcceptedLine[];
}

const answerLine = (line: PlannedLine): AcceptedLine => ({
  sku: line.sku,
  quantity: line.quantity,
  kind: line.kind,
  promise: promiseBody(line.promise),
  precision: line.promise.precision,
  ...(line.oversold ? { oversold: true } : {}),
});

/**
 * Places the order, or gives the first answer to its id again (200).
 * `oversell` (a platform order, already paid): never refused; what the cap
 * or stock cannot cover is recorded as oversold lines (order.oversold).
 */
export async function placeOrder(
  storage: Storage,
  input: OrderInput,
  clock: Clock,
  { oversell = false } = {},
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
    const { planned, products } = await planLines(trx, input.lines, priority, clock, oversell);
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
            oversold: line.oversold ? line.quantity : 0,
            shown_type: line.shown?.orderType ?? null,
            shown_date: line.shown?.expectedDate ?? null,
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
    await emitAll(
      trx,
      planned.flatMap((line, index) =>
        line.oversold
          ? [
              eventRow(
                'order.oversold',
                { orderId: input.id, line: index + 1, sku: line.sku, quantity: line.quantity },
                at,
              ),
            ]
          : [],
      ),
    );
    // A priority-0 order joins the end of its queue: it moves nobody's promise.
    for (const product of products.values())
      await settle(trx, product, { reason: 'order_ahead', appendedOnly: priority === 0 }, clock);
    return { statusCode: 201 as const, answer };
  });
}
