/**
 * An order's lines as accepted, decided under the SKUs' locks: per SKU, stock
 * first (in line order), then the queue; for a platform order (oversell),
 * the units beyond what the cap or stock covers as lines of their own,
 * marked oversold. Runs inside placeOrder's transaction.
 */
import type { Db } from '../storage/db.js';
import { locked, lockProducts, openLots, unitsAhead } from '../storage/queries.js';
import { takeOversold, take } from './acceptance.js';
import { RuleError } from './errors.js';
import type { AcceptedLine } from './outbox.js';
import { inStockPromise, queuedPromise } from './promise.js';
import { servedRecord } from './record.js';
import type { Clock, LinePromise, ProductState } from './types.js';

/** What the storefront showed for a line (`<order-button>`'s line-item properties). */
export interface Shown {
  orderType: string | null;
  expectedDate: string | null;
}

export interface OrderLineInput {
  sku: string;
  quantity: number;
  shown?: Shown;
}

export interface PlannedLine {
  sku: string;
  quantity: number;
  kind: AcceptedLine['kind'];
  promise: LinePromise;
  oversold: boolean;
  shown: Shown | undefined;
}

interface Budget {
  stock: number;
  /** Queued units the cap covers. */
  room: number;
  ahead: number;
  kind: 'preorder' | 'backorder';
}

/**
 * Splits the lines. Without `oversell` a SKU the shop cannot take (or does
 * not know) refuses the whole order (RuleError); with it nothing is refused
 * and unknown SKUs are left out (the caller filtered them; a product is
 * never deleted).
 */
export async function planLines(
  trx: Db,
  lines: readonly OrderLineInput[],
  priority: number,
  clock: Clock,
  oversell = false,
): Promise<{ planned: PlannedLine[]; products: Map<string, ProductState> }> {
  const products = await lockProducts(
    trx,
    lines.map((line) => line.sku),
  );
  const unknown = lines.find((line) => !products.has(line.sku))?.sku;
  if (unknown !== undefined && !oversell)
    throw new RuleError(409, 'unknown_sku', `no product with SKU ${JSON.stringify(unknown)}`, {
      sku: unknown,
      available: 0,
    });
  const known = lines.filter((line) => products.has(line.sku));
  const lots = await openLots(trx, [...products.keys()]);
  const budget = new Map<string, Budget>();
  for (const [sku, product] of products) {
    // Several lines of one SKU count together.
    const total = known.reduce((sum, line) => sum + (line.sku === sku ? line.quantity : 0), 0);
    const record = servedRecord(product, lots.get(sku) ?? []);
    const taken = oversell ? takeOversold(record, total, clock) : take(record, total, clock);
    const queued = total - taken.fromStock;
    const ahead = queued ? await unitsAhead(trx, sku, { priority }) : 0;
    budget.set(sku, { stock: taken.fromStock, room: taken.queued, ahead, kind: taken.queueKind });
  }
  const planned: PlannedLine[] = [];
  for (const { sku, quantity, shown } of known) {
    const product = locked(products, sku);
    const left = budget.get(sku) as Budget;
    const fromStock = Math.min(quantity, left.stock);
    left.stock -= fromStock;
    if (fromStock) {
      const promise = inStockPromise(clock);
      planned.push({ sku, quantity: fromStock, kind: 'in_stock', promise, oversold: false, shown });
    }
    const covered = Math.min(quantity - fromStock, left.room);
    left.room -= covered;
    const parts: [number, boolean][] = [
      [covered, false],
      [quantity - fromStock - covered, true],
    ];
    for (const [units, oversold] of parts) {
      if (!units) continue;
      const { promise } = queuedPromise(
        product,
        lots.get(sku) ?? [],
        left.ahead,
        units,
        clock,
        undefined,
        left.kind,
      );
      planned.push({ sku, quantity: units, kind: left.kind, promise, oversold, shown });
      left.ahead += units;
      // Oversold units count against the cap too: the record's room is clamped at 0.
      product.queuedUnits += units;
      product.waitingUnits += units;
    }
  }
  for (const line of planned)
    if (line.kind === 'in_stock') locked(products, line.sku).onHand -= line.quantity;
  return { planned, products };
}
