/**
 * A queued line's promise, by the engine's own decision: the line's waiting
 * units queued behind the units ahead of it, over the open purchase orders.
 * The storefront's record gives a new order the same engine call with the
 * same numbers, so what a shopper is shown is what their order is promised.
 */
import { type DatePrecision, decide, firstShipDay, wallClock } from 'preorder-elements/engine';
import { incomingOf, lotPrecision } from './record.js';
import type { Clock, LinePromise, Lot, ProductState } from './types.js';

export interface QueuedPromise {
  promise: LinePromise;
  /** Whether it moved from `told` at the stated precision (the elements' "moved" rule). */
  moved: boolean;
}

/**
 * The promise for the last of `units` queued behind `ahead` units; `told` is
 * the last promise the customer was given; `kind` the line's queue (only a
 * pre-order waits for the release day, as the engine decides it).
 */
export function queuedPromise(
  product: ProductState,
  lots: readonly Lot[],
  ahead: number,
  units: number,
  clock: Clock,
  told?: LinePromise,
  kind: 'preorder' | 'backorder' = 'preorder',
): QueuedPromise {
  // Stated as the storefront's record states it for the next order: at the
  // precision of the purchase order that brings the line's first unit (the
  // record has one precision, not one per lot), else the product's.
  const precision: DatePrecision =
    lotPrecision(lots, ahead, 1) ?? product.settings.datePrecision ?? 'day';
  // The line is already accepted: neither the cap nor the stock decides its date, only its place.
  const decision = decide(
    {
      sku: product.sku,
      status: kind,
      releaseDate: product.settings.releaseDate,
      incoming: incomingOf(lots),
      reserved: ahead,
      cap: null,
      datePrecision: precision,
      previousExpectedDate: told?.date ?? undefined,
    },
    { quantity: units, now: clock.now(), timeZone: clock.timeZone },
  );
  const date = firstShipDay(decision.ship);
  // "To be confirmed" states no period: day, as the engine's unknown ship date.
  const promise = { date, precision: date === null ? 'day' : precision } as const;
  if (!told) return { promise, moved: false };
  // From "to be confirmed" to a date or back is news; between two dates the engine says.
  const moved =
    told.date === null || date === null ? told.date !== date : decision.previousShip !== null;
  return { promise, moved };
}

/** An in-stock line ships today (the store's day). */
export const inStockPromise = (clock: Clock): LinePromise => ({
  date: wallClock(clock.now(), clock.timeZone).day,
  precision: 'day',
});
