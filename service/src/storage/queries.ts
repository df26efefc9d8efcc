/** The reads and writes the rules share: products under lock, their supply, their queue. */
import type { DatePrecision } from 'preorder-elements/engine';
import type { Lot, ProductSettings, ProductState } from '../rules/types.js';
import type { Db } from './db.js';
import type { OrderLineTable, ProductTable } from './schema.js';

/** What the queue's work reads of a waiting line (100,000 of them: no column more). */
const LINE_COLUMNS = [
  'seq',
  'order_id',
  'line',
  'kind',
  'quantity',
  'allocated',
  'promise_date',
  'promise_precision',
  'told_date',
  'told_precision',
] as const;
export type LineRow = Pick<OrderLineTable, Exclude<(typeof LINE_COLUMNS)[number], 'seq'>> & {
  seq: number;
};

const toState = (row: ProductTable): ProductState => ({
  sku: row.sku,
  settings: JSON.parse(row.settings) as ProductSettings,
  onHand: row.on_hand,
  queuedUnits: row.queued_units,
  waitingUnits: row.waiting_units,
  version: row.version,
});

/**
 * Locks the products in a fixed order (sorted SKUs: two transactions never
 * wait on each other in a cycle) and reads them. Bumping the version is the
 * lock: on PostgreSQL the row stays locked to commit, and SQLite already holds
 * the database's write lock. Missing SKUs are left out.
 */
export async function lockProducts(
  trx: Db,
  skus: Iterable<string>,
): Promise<Map<string, ProductState>> {
  const locked = new Map<string, ProductState>();
  for (const sku of [...new Set(skus)].sort()) {
    const row = await trx
      .updateTable('products')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('sku', '=', sku)
      .returningAll()
      .executeTakeFirst();
    if (row) locked.set(sku, toState(row));
  }
  return locked;
}

export async function readProducts(db: Db, skus: readonly string[]): Promise<ProductState[]> {
  if (!skus.length) return [];
  const rows = await db.selectFrom('products').selectAll().where('sku', 'in', skus).execute();
  return rows.map(toState);
}

/** Writes the product's counters and settings back; its version is the one the lock set. */
export async function saveProduct(trx: Db, product: ProductState, at: string): Promise<void> {
  const saved = await trx
    .updateTable('products')
    .set({
      settings: JSON.stringify(product.settings),
      on_hand: product.onHand,
      queued_units: product.queuedUnits,
      waiting_units: product.waitingUnits,
      updated_at: at,
    })
    .where('sku', '=', product.sku)
    .where('version', '=', product.version)
    .executeTakeFirst();
  // Only a writer outside the lock could change the version: never go on silently.
  if (saved.numUpdatedRows !== 1n) throw new Error(`product ${product.sku} changed under its lock`);
}

/** Open purchase orders' unreceived units per SKU, earliest first. */
export async function openLots(db: Db, skus: readonly string[]): Promise<Map<string, Lot[]>> {
  const lots = new Map<string, Lot[]>(skus.map((sku) => [sku, []]));
  if (!skus.length) return lots;
  const rows = await db
    .selectFrom('purchase_orders')
    .select(['id', 'sku', 'quantity', 'received', 'expected_date', 'date_precision'])
    .where('sku', 'in', skus)
    .where('status', '=', 'open')
    .orderBy('expected_date')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    lots.get(row.sku)?.push({
      id: row.id,
      quantity: row.quantity - row.received,
      date: row.expected_date,
      precision: row.date_precision as DatePrecision | null,
    });
  }
  return lots;
}

/** A queue position: lines are served by priority (higher first), then acceptance. */
export interface QueueKey {
  priority: number;
  seq: number;
}

/** The SKU's waiting lines in queue order, from `from` on (inclusive), `limit` at a time. */
export function waitingLines(trx: Db, sku: string, from?: QueueKey, limit?: number) {
  let query = trx
    .selectFrom('order_lines')
    .select(LINE_COLUMNS)
    .where('sku', '=', sku)
    .where('status', '=', 'waiting');
  if (from)
    query = query.where((eb) =>
      eb.or([
        eb('priority', '<', from.priority),
        eb.and([eb('priority', '=', from.priority), eb('seq', '>=', from.seq)]),
      ]),
    );
  query = query.orderBy('priority', 'desc').orderBy('seq');
  return (limit ? query.limit(limit) : query).execute() as Promise<LineRow[]>;
}

/** Waiting units ahead of a line of `priority` placed now (or of the line at `key`). */
export async function unitsAhead(
  db: Db,
  sku: string,
  key: QueueKey | { priority: number },
): Promise<number> {
  const row = await db
    .selectFrom('order_lines')
    .select((eb) =>
      eb.fn
        .coalesce(eb.fn.sum<number>(eb('quantity', '-', eb.ref('allocated'))), eb.lit(0))
        .as('units'),
    )
    .where('sku', '=', sku)
    .where('status', '=', 'waiting')
    .where((eb) =>
      'seq' in key
        ? eb.or([
            eb('priority', '>', key.priority),
            eb.and([eb('priority', '=', key.priority), eb('seq', '<', key.seq)]),
          ])
        : eb('priority', '>=', key.priority),
    )
    .executeTakeFirstOrThrow();
  return Number(row.units);
}

/** A product the caller locked (it exists: a foreign key or a check said so). */
export function locked(products: Map<string, ProductState>, sku: string): ProductState {
  const product = products.get(sku);
  if (!product) throw new Error(`product ${sku} was not locked`);
  return product;
}
