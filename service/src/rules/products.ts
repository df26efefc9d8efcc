/** Products: created or replaced by the merchant, or loaded from a seed file. */
import type { Storage } from '../storage/db.js';
import { locked, lockProducts } from '../storage/queries.js';
import { settle } from './queue.js';
import type { Clock, ProductSettings } from './types.js';

export interface ProductInput extends ProductSettings {
  /** Free units on hand; absent keeps the current count (0 for a new product). */
  onHand?: number;
}

/**
 * Creates or replaces the product's settings. Units set on hand go to the
 * queue first, like a receipt; every queued promise is recomputed (a new
 * release date or precision moves them). `onlyIfNew` leaves an existing product alone.
 */
export async function putProduct(
  storage: Storage,
  sku: string,
  input: ProductInput,
  clock: Clock,
  onlyIfNew = false,
): Promise<{ created: boolean }> {
  return storage.transaction(async (trx) => {
    const at = new Date(clock.now()).toISOString();
    const inserted = await trx
      .insertInto('products')
      .values({
        sku,
        settings: '{}',
        on_hand: 0,
        queued_units: 0,
        waiting_units: 0,
        version: 0,
        updated_at: at,
      })
      .onConflict((oc) => oc.column('sku').doNothing())
      .returning('sku')
      .executeTakeFirst();
    if (onlyIfNew && !inserted) return { created: false };
    const product = locked(await lockProducts(trx, [sku]), sku);
    const { onHand, ...settings } = input;
    product.settings = settings;
    if (onHand !== undefined) product.onHand = onHand;
    await settle(trx, product, { reason: 'product_changed' }, clock);
    return { created: !!inserted };
  });
}
