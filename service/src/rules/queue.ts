/**
 * The queue at work after any change to a SKU: free stock released to the
 * waiting lines (release.ts), every queued promise recomputed
 * (recompute.ts), the counters saved and the new record announced. Runs
 * inside the caller's transaction, under the SKU's lock.
 */
import type { Db } from '../storage/db.js';
import { openLots, saveProduct } from '../storage/queries.js';
import { queueNotices } from './notify.js';
import { emit } from './outbox.js';
import { recompute } from './recompute.js';
import { servedRecord } from './record.js';
import { type Allocated, type Source, release } from './release.js';
import type { Clock, ProductState } from './types.js';

export type { Allocated, Source } from './release.js';

export interface SettleOptions {
  /** Why: recorded with each moved promise. */
  reason: string;
  source?: Source;
  /** Only lines appended at the end were added (priority-0 orders): no other promise can change. */
  appendedOnly?: boolean;
}

/**
 * Brings a changed SKU to rest: free stock to the queue, promises recomputed,
 * counters saved, and the new record announced. Returns what was allocated.
 */
export async function settle(
  trx: Db,
  product: ProductState,
  options: SettleOptions,
  clock: Clock,
): Promise<Allocated[]> {
  const at = new Date(clock.now()).toISOString();
  const allocated = await release(trx, product, options.source ?? { source: 'stock' }, at);
  const lots =
    options.appendedOnly && !allocated.length
      ? ((await openLots(trx, [product.sku])).get(product.sku) ?? [])
      : await recompute(trx, product, options.reason, clock, at);
  await saveProduct(trx, product, at);
  const record = servedRecord(product, lots);
  await emit(trx, 'availability.changed', { sku: product.sku, record }, at);
  // "Notify me": told in this transaction when the change leaves the SKU orderable.
  await queueNotices(trx, product.sku, record, clock, at);
  return allocated;
}
